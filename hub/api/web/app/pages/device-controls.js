// Generic controls drawn from a device type's capability model (GET /device-types, device-types/<type>/ on the hub):
// one control per capability kind; every one sends a command and shows the device's answer.
import { html, useState } from '../lib/html.js';

function Toggle({ device, send, busy, capability }) {
  const s = device.state ?? {};
  const on = s[capability.property] === true || s.state === 'on' || s.state === 'playing';
  return html`<button type="button" role="switch" aria-checked=${on} class="toggle ${on ? 'on' : ''}" disabled=${busy || !device.available}
    aria-label=${`${device.name}: ${on ? 'on' : 'off'}`} onClick=${() => send(on ? capability.off : capability.on)}>${on ? 'On' : 'Off'}</button>`;
}

function Level({ device, send, busy, capability: c }) {
  const [value, setValue] = useState(undefined);
  const shown = value ?? device.state?.[c.property] ?? 0;
  const id = `${c.property}-${device.id}`;
  return html`<div class="row"><label for=${id}>${c.label}</label>
    <input id=${id} type="range" min=${c.min} max=${c.max} value=${shown} disabled=${busy || !device.available}
      onInput=${(e) => setValue(Number(e.currentTarget.value))}
      onChange=${(e) => {
        send(c.command, { [c.param]: Number(e.currentTarget.value) });
        setValue(undefined);
      }} />
    <output for=${id}>${shown}${c.unit}</output></div>`;
}

function Setpoint({ device, send, busy, capability: c }) {
  const target = device.state?.[c.property];
  const step = (delta) => {
    const next = Math.round(((target ?? c.fallback) + delta) / c.step) * c.step;
    send(c.command, { [c.param]: Math.min(c.max, Math.max(c.min, next)) });
  };
  const what = c.label.toLowerCase();
  return html`<div class="row">
    <span>${c.label} <strong>${target ?? '–'}${c.unit}</strong></span>
    <button type="button" aria-label=${`Lower ${device.name} ${what}`} disabled=${busy || !device.available} onClick=${() => step(-c.step)}>−</button>
    <button type="button" aria-label=${`Raise ${device.name} ${what}`} disabled=${busy || !device.available} onClick=${() => step(c.step)}>+</button>
  </div>`;
}

function Mode({ device, send, busy, capability: c }) {
  const id = `${c.property}-${device.id}`;
  const current = device.state?.[c.property];
  const offered = c.valuesFrom && Array.isArray(device.state?.[c.valuesFrom]) ? device.state[c.valuesFrom] : c.values;
  return html`<div class="row"><label for=${id}>${c.label}</label>
    <select id=${id} disabled=${busy || !device.available} onChange=${(e) => send(c.command, { [c.param]: e.currentTarget.value })}>
      ${current === undefined && html`<option value="" selected>–</option>`}
      ${offered.map((v) => html`<option value=${v} selected=${v === current}>${v.replace(/_/g, ' ')}</option>`)}
    </select></div>`;
}

function Buttons({ device, busy, send, actions }) {
  return html`<div class="row">${actions.map(
    ([command, label]) => html`<button type="button" disabled=${busy || !device.available}
    aria-label=${`${label} ${device.name}`} onClick=${() => send(command)}>${label}</button>`,
  )}</div>`;
}

/** A button's `when`: offered only while the state's property is (or is not) one of the listed values. */
function offered(button, state) {
  const when = button.when;
  if (!when) return true;
  const value = state?.[when.property];
  if (when.in && !when.in.includes(value)) return false;
  return !when.notIn?.includes(value);
}

function control(capability, props) {
  const { device } = props;
  switch (capability.kind) {
    case 'on_off':
      return html`<${Toggle} ...${props} capability=${capability} />`;
    case 'level':
      return html`<${Level} ...${props} capability=${capability} />`;
    case 'setpoint':
      return html`<${Setpoint} ...${props} capability=${capability} />`;
    case 'mode':
      return html`<${Mode} ...${props} capability=${capability} />`;
    case 'lock': {
      const locked = device.state?.[capability.property] === true;
      return html`<${Buttons} ...${props} actions=${[[locked ? capability.unlock : capability.lock, locked ? 'Unlock' : 'Lock']]} />`;
    }
    case 'actions':
    case 'program': {
      const actions = capability.buttons.filter((b) => offered(b, device.state)).map((b) => [b.command, b.label]);
      return actions.length ? html`<${Buttons} ...${props} actions=${actions} />` : null;
    }
    default:
      return null; // readings, colour, position, consumables: shown in the summary, no control yet
  }
}

/** `model`: the device type's capability model; a capability with a `feature` shows only if the device lists it. */
export function DeviceControls({ device, model, send, busy }) {
  const caps = new Set(device.capabilities ?? []);
  const shown = (model?.capabilities ?? []).filter((c) => !c.feature || caps.has(c.feature));
  return html`<div class="controls">${shown.map((c) => control(c, { device, send, busy }))}</div>`;
}

/** The few state attributes a person wants at a glance, from the type's model and the usual attribute names. */
export function stateSummary(device, model) {
  const s = device.state ?? {};
  const parts = [];
  // What the device is doing, for types whose model names the attribute (`state` and `program_state` follow below).
  for (const c of model?.capabilities ?? []) {
    if (
      c.kind === 'status' &&
      c.property !== 'state' &&
      c.property !== 'program_state' &&
      typeof s[c.property] === 'string'
    )
      parts.push(s[c.property].replace(/_/g, ' '));
  }
  if (typeof s.on === 'boolean') parts.push(s.on ? 'on' : 'off');
  if (typeof s.locked === 'boolean') parts.push(s.locked ? 'locked' : 'unlocked');
  if (typeof s.door === 'string') parts.push(`door ${s.door}`);
  if (typeof s.position === 'number') parts.push(`${s.position}% open`);
  if (typeof s.state === 'string' && typeof s.on !== 'boolean') parts.push(s.state);
  if (typeof s.current_temperature === 'number') parts.push(`${s.current_temperature}°C now`);
  // Values the type's model puts in the summary (a light's brightness, a sensor's temperature, a fan's speed).
  for (const c of model?.capabilities ?? []) {
    const value = s[c.property];
    if (c.summary && typeof value === 'number' && (!c.summary.whileOn || s.on === true))
      parts.push(c.summary.text.replace('{}', String(value)));
  }
  if (typeof s.humidity === 'number') parts.push(`${s.humidity}% humidity`);
  if (typeof s.program_state === 'string')
    parts.push(s.program && s.program_state !== 'idle' ? `${s.program} ${s.program_state}` : s.program_state);
  if (typeof s.remaining_minutes === 'number' && s.remaining_minutes > 0) parts.push(`${s.remaining_minutes} min left`);
  if (typeof s.presses === 'number') parts.push(`${s.presses} ${s.presses === 1 ? 'press' : 'presses'}`);
  if (typeof s.battery_percent === 'number') parts.push(`battery ${Math.round(s.battery_percent)}%`);
  if (typeof s.power_w === 'number') parts.push(`${s.power_w} W`);
  return parts.join(' · ') || '—';
}
