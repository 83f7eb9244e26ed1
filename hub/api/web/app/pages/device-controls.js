// The controls each device type offers; every one sends a command and shows the device's answer.
import { html, useState } from '../lib/html.js';

const onOffTypes = new Set(['light', 'switch', 'fan', 'media_player', 'appliance']);

function Toggle({ device, send, busy }) {
  const on = device.state?.on === true || device.state?.state === 'on' || device.state?.state === 'playing';
  return html`<button type="button" role="switch" aria-checked=${on} class="toggle ${on ? 'on' : ''}" disabled=${busy || !device.available}
    aria-label=${`${device.name}: ${on ? 'on' : 'off'}`} onClick=${() => send(on ? 'turn_off' : 'turn_on')}>${on ? 'On' : 'Off'}</button>`;
}

function Brightness({ device, send, busy }) {
  const [value, setValue] = useState(undefined);
  const shown = value ?? device.state?.brightness ?? 0;
  const id = `brightness-${device.id}`;
  return html`<div class="row"><label for=${id}>Brightness</label>
    <input id=${id} type="range" min="1" max="100" value=${shown} disabled=${busy || !device.available}
      onInput=${(e) => setValue(Number(e.currentTarget.value))}
      onChange=${(e) => { send('turn_on', { brightness: Number(e.currentTarget.value) }); setValue(undefined); }} />
    <output for=${id}>${shown}%</output></div>`;
}

function Climate({ device, send, busy }) {
  const target = device.state?.target_temperature;
  const step = (delta) => send('set_temperature', { temperature: Math.round(((target ?? 20) + delta) * 2) / 2 });
  return html`<div class="row">
    <span>Target <strong>${target ?? '–'}°C</strong></span>
    <button type="button" aria-label=${`Lower ${device.name} target`} disabled=${busy || !device.available} onClick=${() => step(-0.5)}>−</button>
    <button type="button" aria-label=${`Raise ${device.name} target`} disabled=${busy || !device.available} onClick=${() => step(0.5)}>+</button>
  </div>`;
}

function Buttons({ device, busy, send, actions }) {
  return html`<div class="row">${actions.map(([command, label]) => html`<button type="button" disabled=${busy || !device.available}
    aria-label=${`${label} ${device.name}`} onClick=${() => send(command)}>${label}</button>`)}</div>`;
}

export function DeviceControls({ device, send, busy }) {
  const caps = new Set(device.capabilities ?? []);
  const parts = [];
  if (onOffTypes.has(device.type)) parts.push(html`<${Toggle} device=${device} send=${send} busy=${busy} />`);
  if (device.type === 'light' && caps.has('brightness')) parts.push(html`<${Brightness} device=${device} send=${send} busy=${busy} />`);
  if (device.type === 'lock' || device.type === 'vehicle') {
    const locked = device.state?.locked === true;
    parts.push(html`<${Buttons} device=${device} send=${send} busy=${busy} actions=${[[locked ? 'unlock' : 'lock', locked ? 'Unlock' : 'Lock']]} />`);
  }
  if (device.type === 'cover' || device.type === 'valve') parts.push(html`<${Buttons} device=${device} send=${send} busy=${busy} actions=${[['open', 'Open'], ['close', 'Close']]} />`);
  if (device.type === 'climate') parts.push(html`<${Climate} device=${device} send=${send} busy=${busy} />`);
  if (device.type === 'vacuum') parts.push(html`<${Buttons} device=${device} send=${send} busy=${busy} actions=${[['start', 'Start'], ['return_to_base', 'Dock']]} />`);
  if (device.type === 'appliance') parts.push(html`<${Buttons} device=${device} send=${send} busy=${busy} actions=${programActions(device.state?.program_state)} />`);
  if (device.type === 'button' || device.type === 'scene') parts.push(html`<${Buttons} device=${device} send=${send} busy=${busy} actions=${[device.type === 'button' ? ['press', 'Press'] : ['activate', 'Activate']]} />`);
  return html`<div class="controls">${parts}</div>`;
}

/** What a person can do with an appliance's program now: start one, or pause, resume and stop the running one. */
function programActions(programState) {
  if (programState === 'running') return [['pause_program', 'Pause'], ['stop_program', 'Stop']];
  if (programState === 'paused') return [['resume_program', 'Resume'], ['stop_program', 'Stop']];
  return [['start_program', 'Start']];
}

/** The few state attributes a person wants at a glance, by type. */
export function stateSummary(device) {
  const s = device.state ?? {};
  const parts = [];
  if (typeof s.on === 'boolean') parts.push(s.on ? 'on' : 'off');
  if (device.type === 'light' && s.on) parts.push(`${s.brightness}%`);
  if (typeof s.locked === 'boolean') parts.push(s.locked ? 'locked' : 'unlocked');
  if (typeof s.door === 'string') parts.push(`door ${s.door}`);
  if (typeof s.position === 'number') parts.push(`${s.position}% open`);
  if (typeof s.state === 'string' && typeof s.on !== 'boolean') parts.push(s.state);
  if (typeof s.current_temperature === 'number') parts.push(`${s.current_temperature}°C now`);
  if (typeof s.temperature === 'number' && device.type === 'sensor') parts.push(`${s.temperature}°C`);
  if (typeof s.humidity === 'number') parts.push(`${s.humidity}% humidity`);
  if (device.type === 'fan' && s.on && typeof s.percentage === 'number') parts.push(`speed ${s.percentage}%`);
  if (typeof s.program_state === 'string') parts.push(s.program && s.program_state !== 'idle' ? `${s.program} ${s.program_state}` : s.program_state);
  if (typeof s.remaining_minutes === 'number' && s.remaining_minutes > 0) parts.push(`${s.remaining_minutes} min left`);
  if (typeof s.presses === 'number') parts.push(`${s.presses} ${s.presses === 1 ? 'press' : 'presses'}`);
  if (typeof s.battery_percent === 'number') parts.push(`battery ${Math.round(s.battery_percent)}%`);
  if (typeof s.power_w === 'number') parts.push(`${s.power_w} W`);
  return parts.join(' · ') || '—';
}
