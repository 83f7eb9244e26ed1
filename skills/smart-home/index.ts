/**
 * Device intents: on/off, locks, covers, lights, climate, vacuums; asks "which one?" when two devices fit, and
 * asks for a spoken yes (or PIN) before unlocking or opening a garage door, gate or door (device-types/sensitive-commands.ts).
 */
import {
  answerConfirmation,
  askConfirmation,
  confirmSettings,
  defineSkill,
  describeRefusal,
  describeUnavailable,
  isConfirmState,
  isHubError,
  type Device,
  type DeviceCommand,
  type Intent,
  type MissingValue,
  type PendingCommand,
  type SkillContext,
  type SkillResponse,
  type UtteranceInfo,
} from '../../hub/sdk/index.js';
import { needsConfirmation, pendingFor } from '../../device-types/sensitive-commands.js';
import { deviceTypeOf } from '../../device-types/index.js';
import { smartHomeIntents } from './intents/index.js';

interface WhichOneState {
  intent: Intent;
  candidates: { id: string; name: string }[];
}

/** "Which colour?": the request and its devices, waiting for the value the request left out. */
interface MissingValueState {
  kind: 'missing';
  intent: Intent;
  slot: string;
  deviceIds: string[];
}
const isMissingValueState = (state: unknown): state is MissingValueState =>
  typeof state === 'object' && state !== null && (state as { kind?: unknown }).kind === 'missing';

export default defineSkill({
  id: 'smart-home',
  version: '1.0.0',
  description: 'Turns devices on and off, sets lights, covers and thermostats, and reports their state.',
  permissions: ['devices:read', 'devices:control', 'devices:unlock', 'pin:verify'],
  intents: smartHomeIntents,

  async handle(intent, ctx, utterance) {
    const devices = (await Promise.all(utterance.targets.map((id) => ctx.devices.get(id)))).filter(
      (d): d is Device => !!d,
    );
    if (!devices.length) return { reply: `I couldn't find ${describeRequested(intent)}.` };
    const wantsAll = /\ball\b|\bevery/.test(utterance.text.toLowerCase());
    if (devices.length > 1 && typeof intent.slots.name === 'string' && !wantsAll) {
      const candidates = devices.map((d) => ({ id: d.id, name: d.name }));
      return {
        reply: `Which one: ${joinOr(candidates.map((c) => `the ${lower(c.name)}`))}?`,
        // The recogniser listens for these names while the question is open (hub/voice/answer-grammar.ts).
        followUp: {
          state: { intent, candidates } satisfies WhichOneState,
          expect: { choices: candidates.map((c) => lower(c.name)) },
        },
      };
    }
    if (devices.length > 1 && !wantsAll && fellBackToWholeHome(intent, utterance, devices)) {
      const candidates = devices.map((d) => ({ id: d.id, name: d.name }));
      if (candidates.length > MAX_SPOKEN_CHOICES) {
        return {
          reply: `There are ${candidates.length} of those in other rooms, none here. Say which room, or say all of them.`,
        };
      }
      return {
        reply: `None here. Which one: ${joinOr(candidates.map((c) => `the ${lower(c.name)}`))}?`,
        followUp: {
          state: { intent, candidates } satisfies WhichOneState,
          expect: { choices: candidates.map((c) => lower(c.name)) },
        },
      };
    }
    return run(intent, devices, ctx);
  },

  async followUp(text, state, ctx, utterance) {
    if (isConfirmState(state)) return answerConfirmation(text, state, confirmSettings(ctx.config), ctx);
    if (isMissingValueState(state)) return answerMissingValue(text, state, ctx, utterance);
    const { intent, candidates } = state as WhichOneState;
    const said = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ')} `;
    const chosen =
      [...candidates]
        .sort((a, b) => b.name.length - a.name.length)
        .find(
          (c) =>
            said.includes(` ${lower(c.name)} `) || said.includes(` ${lower(c.name).split(' ').slice(-2).join(' ')} `),
        ) ?? byDistinctWord(candidates, said);
    if (!chosen) return undefined;
    const device = await ctx.devices.get(chosen.id);
    return device ? run(intent, [device], ctx) : { reply: `The ${lower(chosen.name)} is gone.` };
  },
});

/** More candidates than this are not read out as a "which one?" list. */
const MAX_SPOKEN_CHOICES = 5;

/** Intents that only read devices: asking about every light in the house is fine. */
const READ_ONLY = new Set(['HassGetState', 'HassClimateGetTemperature']);

/**
 * "open the valve" heard in a room that has none: the language service widens the request to the whole home, which
 * would open every valve in the house (gas too). A change to devices spread over several rooms that the person did
 * not place (no name, room or floor) and did not ask for as "all" is asked about instead.
 */
function fellBackToWholeHome(intent: Intent, utterance: UtteranceInfo, devices: Device[]): boolean {
  const { name, area, floor } = intent.slots;
  if (READ_ONLY.has(intent.name) || name !== undefined || area !== undefined || floor !== undefined) return false;
  if (utterance.area === undefined) return false;
  return new Set(devices.map((d) => d.area)).size > 1;
}

/** "the bedroom one": a word only one candidate's name has picks that candidate. */
function byDistinctWord(
  candidates: WhichOneState['candidates'],
  said: string,
): WhichOneState['candidates'][number] | undefined {
  const words = candidates.map((c) => new Set(lower(c.name).split(/\s+/)));
  const hits = candidates.filter((_, i) =>
    [...words[i]!].some((w) => said.includes(` ${w} `) && words.every((other, j) => j === i || !other.has(w))),
  );
  return hits.length === 1 ? hits[0] : undefined;
}

/** The value the request left out, when the devices' type needs one (device-types/<type>/: `missing`). */
function missingValue(intent: Intent, devices: Device[]): MissingValue | undefined {
  const [first] = devices;
  return first ? deviceTypeOf(first.type)?.intentActions?.[intent.name]?.missing?.(intent) : undefined;
}

/** The answer to "Which colour?": said on its own ("blue please") or as a request of its own ("make it blue"). */
async function answerMissingValue(
  text: string,
  state: MissingValueState,
  ctx: SkillContext,
  utterance: UtteranceInfo,
): Promise<SkillResponse | undefined> {
  const devices = (await Promise.all(state.deviceIds.map((id) => ctx.devices.get(id)))).filter((d): d is Device => !!d);
  const asked = missingValue(state.intent, devices);
  if (!asked) return undefined;
  const heard = utterance.heard;
  // "make the porch light blue" names its own light: a new request, not the answer.
  if (heard && (heard.slots.name !== undefined || heard.slots.area !== undefined)) return undefined;
  const value = heard?.name === state.intent.name ? (heard.slots[state.slot] ?? asked.read(text)) : asked.read(text);
  if (value === undefined) return undefined;
  return run({ ...state.intent, slots: { ...state.intent.slots, [state.slot]: value } }, devices, ctx);
}

async function run(intent: Intent, devices: Device[], ctx: SkillContext): Promise<SkillResponse> {
  const asked = missingValue(intent, devices);
  if (asked)
    return {
      reply: asked.question,
      // The recogniser listens for these while the question is open (hub/voice/answer-grammar.ts).
      followUp: {
        state: {
          kind: 'missing',
          intent,
          slot: asked.slot,
          deviceIds: devices.map((d) => d.id),
        } satisfies MissingValueState,
        expect: { choices: asked.choices },
      },
    };
  const now = ctx.now();
  if (intent.name === 'HassGetState') return { reply: devices.map((d) => describeState(d, now)).join(' ') };
  if (intent.name === 'HassClimateGetTemperature')
    return { reply: devices.map((d) => describeTemperature(d, now)).join(' ') };
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
  if (done.length)
    parts.push(
      `${pastTense(intent, done[0]!)} ${done.length === 1 ? `the ${lower(done[0]!.name)}` : `${done.length} devices`}.`,
    );
  if (silent.length)
    parts.push(
      `${capital(joinAnd(silent.map((d) => `the ${lower(d.name)}`)))} ${silent.length === 1 ? 'is' : 'are'} not responding.`,
    );
  parts.push(...offline.map((d) => describeUnavailable(d, now)));
  parts.push(...refused);
  if (toConfirm.length) return askConfirmation(toConfirm, settings, parts.join(' '));
  return { reply: parts.join(' ') };
}

/** The command for this intent on this device, from its type's folder (device-types/<type>/); undefined: it can't. */
function commandFor(intent: Intent, device: Device): DeviceCommand | undefined {
  const type = deviceTypeOf(device.type);
  if (ON_OFF_INTENTS.has(intent.name)) {
    const onOff = type?.speech?.onOff;
    const command = switchesOn(intent, device) ? onOff?.on : onOff?.off;
    return typeof command === 'function' ? command(intent, device) : command;
  }
  return type?.intentActions?.[intent.name]?.command(intent, device);
}

const ON_OFF_INTENTS = new Set(['HassTurnOn', 'HassTurnOff', 'HassToggle']);
const switchesOn = (intent: Intent, device: Device) =>
  intent.name === 'HassTurnOn' || (intent.name === 'HassToggle' && !isOn(device));

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
  const own = deviceTypeOf(device.type)?.speech?.isOn;
  if (own) return own(s);
  return s.on === true || s.state === 'on' || s.state === 'open' || s.locked === true;
}

/** "Turned on", "Opened", "Set to 21 degrees:": what was done, before "the <device>". */
function pastTense(intent: Intent, device: Device): string {
  const type = deviceTypeOf(device.type);
  const action = type?.intentActions?.[intent.name];
  if (action) return action.done(intent, device);
  const onOff = type?.speech?.onOff;
  const on = switchesOn(intent, device);
  return (on ? onOff?.doneOn : onOff?.doneOff) ?? (on ? 'Turned on' : 'Turned off');
}

function describeState(device: Device, now: number): string {
  const s = device.state;
  const name = `The ${lower(device.name)}`;
  if (!device.available) return describeUnavailable(device, now);
  const own = deviceTypeOf(device.type)?.speech?.describeState?.(device);
  if (own) return own;
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
const joinOr = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
const joinAnd = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
