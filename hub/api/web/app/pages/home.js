import { api } from '../lib/api.js';
import { LineChart } from '../lib/charts.js';
import { html, useEffect, useState } from '../lib/html.js';
import { useDeviceTypes } from '../lib/device-types.js';
import { useLive } from '../lib/live.js';
import { DeviceControls, stateSummary } from './device-controls.js';

const CHART_KEYS = [
  'brightness',
  'on',
  'current_temperature',
  'target_temperature',
  'position',
  'power_w',
  'battery_percent',
  'volume_level',
  'locked',
];

/** Server readings (kept by the hub across reloads) followed by the live ones that arrived after them. */
function merged(server, live) {
  if (!server?.length) return live ?? [];
  const last = server[server.length - 1].at;
  return [...server, ...(live ?? []).filter((p) => p.at > last)];
}

/** Loaded when opened: the hub's stored readings, then kept current by the live stream. */
function History({ deviceId, live }) {
  const [server, setServer] = useState();
  const [error, setError] = useState('');
  useEffect(() => {
    api('GET', `/devices/${encodeURIComponent(deviceId)}/history`).then(
      (h) => setServer(h.attributes),
      (err) => setError(err.message),
    );
  }, [deviceId]);
  const keys = CHART_KEYS.filter((k) => merged(server?.[k], live?.get(k)).length > 0);
  if (error) return html`<p class="error">History: ${error}</p>`;
  if (server === undefined) return html`<p class="muted">Loading history…</p>`;
  if (keys.length === 0) return html`<p class="muted">No numeric state to chart yet.</p>`;
  return html`<div data-testid="history" data-server-points=${Object.values(server).reduce((n, points) => n + points.length, 0)}>
    ${keys.map((k) => html`<${LineChart} points=${merged(server[k], live?.get(k))} label=${k.replace(/_/g, ' ')} step=${k === 'on' || k === 'locked'} />`)}</div>`;
}

function DeviceCard({ device, model, history }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [open, setOpen] = useState(false);
  async function send(command, params) {
    setBusy(true);
    setError('');
    try {
      await api(
        'POST',
        `/devices/${encodeURIComponent(device.id)}/commands`,
        params ? { command, params } : { command },
      );
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  }
  return html`<li class="card device ${device.available ? '' : 'offline'}" data-device=${device.id}>
    <div class="device-head">
      <strong>${device.name}</strong>
      <span class="badge ${device.available ? 'ok' : 'bad'}">${device.available ? 'online' : 'offline'}</span>
    </div>
    <p class="state" data-testid="state" aria-live="polite">${stateSummary(device, model)}</p>
    <${DeviceControls} device=${device} model=${model} send=${send} busy=${busy} />
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <details onToggle=${(e) => setOpen(e.currentTarget.open)}><summary>History</summary>${open && html`<${History} deviceId=${device.id} live=${history} />`}</details>
  </li>`;
}

export function HomePage() {
  const live = useLive();
  const models = useDeviceTypes();
  const devices = [...live.devices.values()];
  const groups = [...live.areas.map((a) => ({ id: a.id, name: a.name })), { id: undefined, name: 'No area' }]
    .map((area) => ({
      ...area,
      devices: devices.filter(
        (d) => d.area === area.id || (area.id === undefined && !live.areas.some((a) => a.id === d.area)),
      ),
    }))
    .filter((g) => g.devices.length > 0);
  if (devices.length === 0)
    return html`<p class="muted">No devices yet. Add some with <code>hearth-sim household</code> or the API.</p>`;
  const offline = devices.filter((d) => !d.available).length;
  return html`<p class="muted">${devices.length} devices, ${offline} offline.</p>
    ${groups.map(
      (g) => html`<section aria-labelledby=${`area-${g.id ?? 'none'}`} class="area">
      <h2 id=${`area-${g.id ?? 'none'}`}>${g.name}</h2>
      <ul class="grid">${g.devices.map((d) => html`<${DeviceCard} key=${d.id} device=${d} model=${models?.[d.type]} history=${live.history.get(d.id)} />`)}</ul>
    </section>`,
    )}`;
}
