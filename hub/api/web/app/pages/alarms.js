// Alarms, reminders, timers, what rings now, and announcements to the satellites (hub/alerts).
import { api, apiOptional } from '../lib/api.js';
import { html, useCallback, useEffect, useRef, useState } from '../lib/html.js';
import { useHubEvents, useLive } from '../lib/live.js';

const DAYS = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [0, 'Sun'],
];
const EVENTS = ['alarmsChanged', 'ringStarted', 'ringEnded', 'utteranceHandled', 'announcement'];

const pad = (n) => String(n).padStart(2, '0');
const clock = (t) => `${pad(t.hour)}:${pad(t.minute)}`;

/** "9:05" / "1:02:03". Counted from what the hub said when the page last read it, not from the two clocks' difference. */
function left(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

function useNow(everyMs) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function DayPicker({ days, onChange, label }) {
  return html`<fieldset class="days"><legend class="sr-only">${label}</legend>${DAYS.map(
    ([d, name]) => html`<label>
    <input type="checkbox" checked=${days.includes(d)} onChange=${(e) => onChange(e.target.checked ? [...days, d] : days.filter((x) => x !== d))} /> ${name}</label>`,
  )}</fieldset>`;
}

function AlarmRow({ alarm, areas, onAct }) {
  const [editing, setEditing] = useState(false);
  const [time, setTime] = useState(clock(alarm.time));
  const [days, setDays] = useState(alarm.days);
  // The on/off asked for, shown until the hub's answer is read back: a refresh already under way must not flip it back.
  const [switching, setSwitching] = useState(undefined);
  const switchOn = async (on) => {
    setSwitching(on);
    if (!(await onAct('PATCH', `/alarms/${alarm.id}`, { enabled: on }))) setSwitching(undefined);
  };
  useEffect(() => {
    if (switching === alarm.enabled) setSwitching(undefined);
  }, [alarm.enabled, switching]);
  const save = async () => {
    const [hour, minute] = time.split(':').map(Number);
    if (await onAct('PATCH', `/alarms/${alarm.id}`, { time: { hour, minute }, days })) setEditing(false);
  };
  const what =
    alarm.kind === 'reminder' ? `Reminder: ${alarm.message ?? ''}` : alarm.label ? `${alarm.label} alarm` : 'Alarm';
  return html`<tr data-alarm=${alarm.id}>
    <td>${what}${alarm.user && html`<br /><span class="muted">${alarm.user}</span>`}</td>
    <td>${
      editing
        ? html`<input type="time" aria-label="Time" value=${time} onInput=${(e) => setTime(e.target.value)} /><${DayPicker} days=${days} onChange=${setDays} label="Repeat on" />`
        : html`${alarm.description}${alarm.ringing && html` <span class="badge bad">ringing</span>`}${alarm.snoozedUntil && html` <span class="badge">snoozed until ${new Date(alarm.snoozedUntil).toLocaleTimeString()}</span>`}`
    }</td>
    <td>${areas.get(alarm.area) ?? alarm.area ?? html`<span class="muted">every room</span>`}</td>
    <td>${alarm.enabled && alarm.nextAt ? new Date(alarm.nextAt).toLocaleString() : html`<span class="muted">off</span>`}</td>
    <td><label><input type="checkbox" checked=${switching ?? alarm.enabled} aria-label=${`${what} on`} onChange=${(e) => switchOn(e.target.checked)} /> on</label>
      ${
        editing
          ? html`<button type="button" onClick=${save}>Save</button><button type="button" class="secondary" onClick=${() => setEditing(false)}>Cancel</button>`
          : html`<button type="button" class="secondary" aria-label=${`Edit ${what} ${alarm.description}`} onClick=${() => setEditing(true)}>Edit</button>`
      }
      <button type="button" class="danger" aria-label=${`Delete ${what} ${alarm.description}`} onClick=${() => onAct('DELETE', `/alarms/${alarm.id}`)}>Delete</button></td>
  </tr>`;
}

function NewAlarm({ areas, onAct }) {
  const [kind, setKind] = useState('alarm');
  const [time, setTime] = useState('07:00');
  const [days, setDays] = useState([]);
  const [text, setText] = useState('');
  const [area, setArea] = useState('');
  const submit = async (e) => {
    e.preventDefault();
    const [hour, minute] = time.split(':').map(Number);
    const body = {
      kind,
      time: { hour, minute },
      days,
      ...(area ? { area } : {}),
      ...(text.trim() ? { [kind === 'reminder' ? 'message' : 'label']: text.trim() } : {}),
    };
    if (await onAct('POST', '/alarms', body)) setText('');
  };
  return html`<form class="card" onSubmit=${submit} aria-label="New alarm or reminder">
    <label>Kind <select value=${kind} onChange=${(e) => setKind(e.target.value)}><option value="alarm">Alarm</option><option value="reminder">Reminder</option></select></label>
    <label>Time <input type="time" required value=${time} onInput=${(e) => setTime(e.target.value)} /></label>
    <${DayPicker} days=${days} onChange=${setDays} label="Repeat on (none: once)" />
    <label>${kind === 'reminder' ? 'Message' : 'Label'} <input value=${text} maxlength="100" onInput=${(e) => setText(e.target.value)} /></label>
    <label>Room <select value=${area} onChange=${(e) => setArea(e.target.value)}><option value="">every room</option>${[...areas].map(([id, name]) => html`<option value=${id}>${name}</option>`)}</select></label>
    <button type="submit">Add</button>
  </form>`;
}

function Announce({ areas, onAct }) {
  const [message, setMessage] = useState('');
  const [area, setArea] = useState('');
  const [sent, setSent] = useState();
  const submit = async (e) => {
    e.preventDefault();
    const result = await onAct('POST', '/announcements', { message, ...(area ? { area } : {}) });
    if (result) {
      setSent(result.satellites);
      setMessage('');
    }
  };
  return html`<form class="card" onSubmit=${submit} aria-label="Announcement">
    <label>Say <input required value=${message} maxlength="1000" onInput=${(e) => setMessage(e.target.value)} placeholder="Dinner is ready" /></label>
    <label>In <select value=${area} onChange=${(e) => setArea(e.target.value)}><option value="">every room</option>${[...areas].map(([id, name]) => html`<option value=${id}>${name}</option>`)}</select></label>
    <button type="submit">Announce</button>
    ${sent && html`<p class="muted" role="status" data-testid="announced">${sent.length ? `Spoken on ${sent.join(', ')}.` : 'No satellite is online.'}</p>`}
  </form>`;
}

export function AlarmsPage() {
  const live = useLive();
  const now = useNow(1000);
  const [data, setData] = useState();
  const [error, setError] = useState('');
  const areas = new Map((live.areas ?? []).map((a) => [a.id, a.name]));

  // Refreshes overlap (events, actions): only the latest one started may set what is shown, never an older one finishing late.
  const latest = useRef(0);
  const refresh = useCallback(async () => {
    const mine = ++latest.current;
    try {
      const alarms = await apiOptional('GET', '/alarms');
      if (mine !== latest.current) return;
      if (alarms === undefined) return setData(null);
      const [ringing, timers, satellites] = await Promise.all([
        api('GET', '/ringing'),
        api('GET', '/timers'),
        api('GET', '/satellites'),
      ]);
      if (mine !== latest.current) return;
      setData({ alarms, ringing, timers, satellites, at: Date.now() });
    } catch (err) {
      setError(err.message);
    }
  }, []);
  useEffect(() => void refresh(), []);
  useHubEvents(EVENTS, refresh);
  async function act(method, path, body) {
    setError('');
    try {
      const result = await api(method, path, body);
      await refresh();
      return result ?? true;
    } catch (err) {
      setError(err.message);
      return undefined;
    }
  }

  if (data === null) return html`<p class="muted">Alarms are not wired into this hub.</p>`;
  if (!data) return html`<p class="muted">Loading…</p>`;
  return html`
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <section aria-labelledby="ringing-h"><h2 id="ringing-h">Ringing now</h2>
      ${
        data.ringing.length === 0
          ? html`<p class="muted">Nothing is ringing.</p>`
          : html`<ul class="grid" data-testid="ringing">${data.ringing.map(
              (r) => html`<li class="card">
        <p><strong>${r.message}</strong></p><p class="muted">${r.satellites.join(', ') || 'no satellite'} · rings until ${new Date(r.endsAt).toLocaleTimeString()} unless stopped</p>
        <button type="button" onClick=${() => act('POST', '/ringing/stop', r.area ? { area: r.area } : {})}>Stop</button>
        ${r.kind !== 'timer' && html`<button type="button" class="secondary" onClick=${() => act('POST', '/ringing/snooze', r.area ? { area: r.area } : {})}>Snooze</button>`}</li>`,
            )}</ul>`
      }
    </section>
    <section aria-labelledby="timers-h"><h2 id="timers-h">Timers</h2>
      ${
        data.timers.length === 0
          ? html`<p class="muted">No timer is running.</p>`
          : html`<div class="scroll"><table data-testid="timers">
        <thead><tr><th scope="col">Timer</th><th scope="col">Left</th><th scope="col">Where</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${data.timers.map(
          (t) => html`<tr data-timer=${t.id}>
          <td>${t.name ? `${t.name} timer` : 'Timer'} <span class="muted">(${left(t.durationMs)})</span></td>
          <td data-testid="time-left">${t.paused ? `${left(t.remainingMs)} (paused)` : left(t.remainingMs - Math.max(0, now - data.at))}</td>
          <td>${areas.get(t.area) ?? t.area ?? ''}${t.satellite && html` <span class="muted">(${t.satellite})</span>`}</td>
          <td><button type="button" class="danger" aria-label=${`Cancel ${t.name ?? ''} timer`} onClick=${() => act('DELETE', `/timers/${t.id}`)}>Cancel</button></td></tr>`,
        )}</tbody>
      </table></div>`
      }
    </section>
    <section aria-labelledby="alarms-h"><h2 id="alarms-h">Alarms and reminders</h2>
      ${
        data.alarms.length === 0
          ? html`<p class="muted">No alarm or reminder is set.</p>`
          : html`<div class="scroll"><table data-testid="alarms">
        <thead><tr><th scope="col">What</th><th scope="col">When</th><th scope="col">Room</th><th scope="col">Next</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${data.alarms.map((a) => html`<${AlarmRow} key=${a.id} alarm=${a} areas=${areas} onAct=${act} />`)}</tbody>
      </table></div>`
      }
      <${NewAlarm} areas=${areas} onAct=${act} />
    </section>
    <section aria-labelledby="announce-h"><h2 id="announce-h">Announce</h2>
      <p class="muted">Satellites online: ${data.satellites.map((s) => `${s.id}${s.area ? ` (${areas.get(s.area) ?? s.area})` : ''}`).join(', ') || 'none'}</p>
      <${Announce} areas=${areas} onAct=${act} />
    </section>`;
}
