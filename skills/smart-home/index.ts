/**
 * Device intents: on/off, locks, covers, lights, climate, vacuums; asks "which one?" when two devices fit, and
 * asks for a spoken yes (or PIN) before unlocking or opening a garage door, gate or door (hub/sdk/sensitive-commands.ts).
 */
import {
  answerConfirmation, askConfirmation, confirmSettings, defineSkill, describeRefusal, describeUnavailable, isConfirmState, isHubError, needsConfirmation, pendingFor,
  type Device, type DeviceCommand, type Intent, type PendingCommand, type SkillContext, type SkillResponse, type SlotValue,
} from '../../hub/sdk/index.js';
import { smartHomeIntents } from './intents/index.js';

/** The step of "brighter"/"dimmer" when no amount is said, in percent. */
const BRIGHTNESS_STEP = 20;

interface WhichOneState {
  intent: Intent;
  candidates: { id: string; name: string }[];
}

export default defineSkill({
  id: 'smart-home',
  version: '1.0.0',
  description: 'Turns devices on and off, sets lights, covers and thermostats, and reports their state.',
  permissions: ['devices:read', 'devices:control', 'devices:unlock', 'pin:verify'],
  intents: smartHomeIntents,

  async handle(intent, ctx, utterance) {
    const devices = (await Promise.all(utterance.targets.map((id) => ctx.devices.get(id)))).filter((d): d is Device => !!d);
    if (!devices.length) return { reply: `I couldn't find ${describeRequested(intent)}.` };
    const wantsAll = /\ball\b|\bevery/.test(utterance.text.toLowerCase());
    if (devices.length > 1 && typeof intent.slots.name === 'string' && !wantsAll) {
      const candidates = devices.map((d) => ({ id: d.id, name: d.name }));
      return {
        reply: `Which one: ${joinOr(candidates.map((c) => `the ${lower(c.name)}`))}?`,
        // The recogniser listens for these names while the question is open (hub/voice/answer-grammar.ts).
        followUp: { state: { intent, candidates } satisfies WhichOneState, expect: { choices: candidates.map((c) => lower(c.name)) } },
      };
    }
    return run(intent, devices, ctx);
  },

  async followUp(text, state, ctx) {
    if (isConfirmState(state)) return answerConfirmation(text, state, confirmSettings(ctx.config), ctx);
    const { intent, candidates } = state as WhichOneState;
    const said = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ')} `;
    const chosen = [...candidates]
      .sort((a, b) => b.name.length - a.name.length)
      .find((c) => said.includes(` ${lower(c.name)} `) || said.includes(` ${lower(c.name).split(' ').slice(-2).join(' ')} `))
      ?? byDistinctWord(candidates, said);
    if (!chosen) return undefined;
    const device = await ctx.devices.get(chosen.id);
    return device ? run(intent, [device], ctx) : { reply: `The ${lower(chosen.name)} is gone.` };
  },
});

/** "the bedroom one": a word only one candidate's name has picks that candidate. */
function byDistinctWord(candidates: WhichOneState['candidates'], said: string): WhichOneState['candidates'][number] | undefined {
  const words = candidates.map((c) => new Set(lower(c.name).split(/\s+/)));
  const hits = candidates.filter((_, i) =>
    [...words[i]!].some((w) => said.includes(` ${w} `) && words.every((other, j) => j === i || !other.has(w))));
  return hits.length === 1 ? hits[0] : undefined;
}

async function run(intent: Intent, devices: Device[], ctx: SkillContext): Promise<SkillResponse> {
  const now = ctx.now();
  if (intent.name === 'HassGetState') return { reply: devices.map((d) => describeState(d, now)).join(' ') };
  if (intent.name === 'HassClimateGetTemperature') return { reply: devices.map((d) => describeTemperature(d, now)).join(' ') };
  const done: Device[] = [];
  const silent: Device[] = [];
  const offline: Device[] = [];
  const refused: string[] = [];
  const toConfirm: PendingCommand[] = [];
  const settings = confirmSettings(ctx.config);
  for (const device of devices) {
    const command = commandFor(intent, device);
    if (!command) {
      refused.push(`The ${lower(device.name)} can't do that.`);
      continue;
    }
    // Said at once, and before asking "do you want me to unlock…?" about a lock that cannot hear it.
    if (!device.available) {
      offline.push(device);
      continue;
    }
    if (needsConfirmation(settings, device, command)) {
      toConfirm.push(pendingFor(device, command));
      continue;
    }
    try {
      await ctx.devices.command(device.id, command);
      done.push(device);
    } catch (err) {
      if (!isHubError(err)) throw err;
      if (err.code === 'DEVICE_UNAVAILABLE') offline.push(device);
      else if (err.code === 'DEVICE_TIMEOUT') silent.push(device);
      else if (err.code === 'DEVICE_REJECTED') refused.push(describeRefusal(device, err));
      else throw err;
    }
  }
  const parts: string[] = [];
  if (done.length) parts.push(`${pastTense(intent, done[0]!)} ${done.length === 1 ? `the ${lower(done[0]!.name)}` : `${done.length} devices`}.`);
  if (silent.length) parts.push(`${capital(joinAnd(silent.map((d) => `the ${lower(d.name)}`)))} ${silent.length === 1 ? 'is' : 'are'} not responding.`);
  parts.push(...offline.map((d) => describeUnavailable(d, now)));
  parts.push(...refused);
  if (toConfirm.length) return askConfirmation(toConfirm, settings, parts.join(' '));
  return { reply: parts.join(' ') };
}

function commandFor(intent: Intent, device: Device): DeviceCommand | undefined {
  const s = intent.slots;
  const on = intent.name === 'HassTurnOn' || (intent.name === 'HassToggle' && !isOn(device));
  switch (intent.name) {
    case 'HassTurnOn':
    case 'HassTurnOff':
    case 'HassToggle':
      if (device.type === 'lock' || device.type === 'vehicle') return { command: on ? 'lock' : 'unlock' };
      if (device.type === 'cover' || device.type === 'valve') return { command: on ? 'open' : 'close' };
      if (device.type === 'scene') return on ? { command: 'activate' } : undefined;
      if (device.type === 'script') return on ? { command: 'run' } : undefined;
      if (device.type === 'button') return on ? { command: 'press' } : undefined;
      if (device.type === 'vacuum') return { command: on ? 'start' : 'return_to_base' };
      // "Start the washer" runs a programme (the one said, else the appliance's own default); "off" ends it.
      if (device.type === 'appliance') return on ? { command: 'start_program', params: typeof s.program === 'string' ? { program: s.program } : {} } : { command: 'turn_off' };
      if (device.type === 'sensor' || device.type === 'binary_sensor') return undefined;
      return { command: on ? 'turn_on' : 'turn_off' };
    case 'HassLightSet': {
      if (device.type !== 'light') return undefined;
      const params: Record<string, unknown> = {};
      if (s.brightness !== undefined) params.brightness = Number(s.brightness);
      else if (s.brightness_step !== undefined) params.brightness = steppedBrightness(device, s.brightness_step);
      if (s.color !== undefined) params.color = s.color;
      return { command: 'turn_on', params };
    }
    case 'HassFanSetSpeed':
      return device.type === 'fan' ? { command: 'set_percentage', params: { percentage: Number(s.percentage) } } : undefined;
    case 'HassClimateSetTemperature': {
      if (device.type !== 'climate' && device.type !== 'vehicle') return undefined;
      const temperature = targetTemperature(intent, device);
      return temperature === undefined ? undefined : { command: 'set_temperature', params: { temperature } };
    }
    case 'HassSetPosition':
      return device.type === 'cover' || device.type === 'valve' ? { command: 'set_position', params: { position: Number(s.position) } } : undefined;
    case 'HassVacuumStart':
      return device.type === 'vacuum' ? { command: 'start' } : undefined;
    case 'HassVacuumReturnToBase':
      return device.type === 'vacuum' ? { command: 'return_to_base' } : undefined;
    case 'HearthAppliancePause':
      return device.type === 'appliance' ? { command: 'pause_program' } : undefined;
    case 'HearthApplianceResume':
      return device.type === 'appliance' ? { command: 'resume_program' } : undefined;
    default:
      return undefined;
  }
}

/** "Brighter"/"dimmer": a step of BRIGHTNESS_STEP percent (or the percent said) from the light's brightness now. */
function steppedBrightness(device: Device, step: SlotValue): number {
  const delta = step === 'up' ? BRIGHTNESS_STEP : step === 'down' ? -BRIGHTNESS_STEP : Number(step) || 0;
  const now = typeof device.state.brightness === 'number' ? device.state.brightness : device.state.on === false ? 0 : 50;
  return Math.max(1, Math.min(100, Math.round(now + delta)));
}

/** "make it warmer" carries `temperature_delta` (±1) instead of a temperature: step from the current target. */
function targetTemperature(intent: Intent, device: Device): number | undefined {
  const { temperature, temperature_delta: delta } = intent.slots;
  if (temperature !== undefined) return Number(temperature);
  const current = device.state.target_temperature;
  if (typeof delta !== 'number' || typeof current !== 'number') return undefined;
  return current + delta;
}

function describeTemperature(device: Device, now: number): string {
  const s = device.state;
  const name = `The ${lower(device.name)}`;
  if (!device.available) return describeUnavailable(device, now);
  const current = typeof s.current_temperature === 'number' ? s.current_temperature : s.temperature;
  if (typeof current !== 'number') return `${name} does not report a temperature.`;
  const target = typeof s.target_temperature === 'number' ? `, set to ${s.target_temperature}` : '';
  return `${name} reads ${current} degrees${target}.`;
}

function isOn(device: Device): boolean {
  const s = device.state;
  return s.on === true || s.state === 'on' || s.state === 'open' || s.locked === true;
}

function pastTense(intent: Intent, device: Device): string {
  const on = intent.name === 'HassTurnOn' || (intent.name === 'HassToggle' && !isOn(device));
  if (intent.name === 'HassLightSet') return intent.slots.brightness_step === undefined ? 'Set' : intent.slots.brightness_step === 'up' || Number(intent.slots.brightness_step) > 0 ? 'Brightened' : 'Dimmed';
  if (intent.name === 'HassFanSetSpeed') return `Set to ${intent.slots.percentage} percent:`;
  if (intent.name === 'HearthAppliancePause') return 'Paused';
  if (intent.name === 'HearthApplianceResume') return 'Resumed';
  if (intent.name === 'HassClimateSetTemperature') {
    const temperature = targetTemperature(intent, device);
    return intent.slots.temperature === undefined ? `Set to ${temperature} degrees (${Number(intent.slots.temperature_delta) > 0 ? 'warmer' : 'cooler'}):` : `Set to ${temperature} degrees:`;
  }
  if (intent.name === 'HassSetPosition') return `Moved to ${intent.slots.position} percent:`;
  if (intent.name === 'HassVacuumStart') return 'Started';
  if (intent.name === 'HassVacuumReturnToBase') return 'Sent home';
  if (device.type === 'lock' || device.type === 'vehicle') return on ? 'Locked' : 'Unlocked';
  if (device.type === 'cover' || device.type === 'valve') return on ? 'Opened' : 'Closed';
  if (device.type === 'scene' || device.type === 'script') return 'Activated';
  if (device.type === 'appliance') return on ? 'Started' : 'Turned off';
  return on ? 'Turned on' : 'Turned off';
}

function describeState(device: Device, now: number): string {
  const s = device.state;
  const name = `The ${lower(device.name)}`;
  if (!device.available) return describeUnavailable(device, now);
  if (typeof s.locked === 'boolean') return `${name} is ${s.locked ? 'locked' : 'unlocked'}.`;
  if (typeof s.temperature === 'number') return `${name} reads ${s.temperature} degrees.`;
  if (typeof s.on === 'boolean') return `${name} is ${s.on ? 'on' : 'off'}.`;
  if (typeof s.state === 'string') return `${name} is ${s.state}.`;
  return `I don't know the state of the ${lower(device.name)}.`;
}

function describeRequested(intent: Intent): string {
  const { name, area } = intent.slots;
  if (typeof name === 'string') return `a device called ${name}${typeof area === 'string' ? ` in the ${area}` : ''}`;
  if (typeof area === 'string') return `a matching device in the ${area}`;
  return 'a matching device';
}

const lower = (s: string) => s.toLowerCase();
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const joinOr = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
const joinAnd = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
