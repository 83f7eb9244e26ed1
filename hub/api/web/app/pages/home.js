import { api } from '../lib/api.js';
import { LineChart } from '../lib/charts.js';
import { html, useState } from '../lib/html.js';
import { useLive } from '../lib/live.js';
import { DeviceControls, stateSummary } from './device-controls.js';

const CHART_KEYS = ['brightness', 'on', 'current_temperature', 'target_temperature', 'position', 'power_w', 'battery_percent', 'volume_level', 'locked'];

function History({ history }) {
  const keys = CHART_KEYS.filter((k) => (history?.get(k)?.length ?? 0) > 0);
  if (keys.length === 0) return html`<p class="muted">No numeric state to chart yet.</p>`;
  return html`${keys.map((k) => html`<${LineChart} points=${history.get(k)} label=${k.replace(/_/g, ' ')} step=${k === 'on' || k === 'locked'} />`)}`;
}

function DeviceCard({ device, history }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  async function send(command, params) {
    setBusy(true);
    setError('');
    try {
      await api('POST', `/devices/${encodeURIComponent(device.id)}/commands`, params ? { command, params } : { command });
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
    <p class="state" data-testid="state" aria-live="polite">${stateSummary(device)}</p>
    <${DeviceControls} device=${device} send=${send} busy=${busy} />
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <details><summary>History</summary><${History} history=${history} /></details>
  </li>`;
}

export function HomePage() {
  const live = useLive();
  const devices = [...live.devices.values()];
  const groups = [...live.areas.map((a) => ({ id: a.id, name: a.name })), { id: undefined, name: 'No area' }]
    .map((area) => ({ ...area, devices: devices.filter((d) => d.area === area.id || (area.id === undefined && !live.areas.some((a) => a.id === d.area))) }))
    .filter((g) => g.devices.length > 0);
  if (devices.length === 0) return html`<p class="muted">No devices yet. Add some with <code>hearth-sim household</code> or the API.</p>`;
  const offline = devices.filter((d) => !d.available).length;
  return html`<p class="muted">${devices.length} devices, ${offline} offline.</p>
    ${groups.map((g) => html`<section aria-labelledby=${`area-${g.id ?? 'none'}`} class="area">
      <h2 id=${`area-${g.id ?? 'none'}`}>${g.name}</h2>
      <ul class="grid">${g.devices.map((d) => html`<${DeviceCard} key=${d.id} device=${d} history=${live.history.get(d.id)} />`)}</ul>
    </section>`)}`;
}
