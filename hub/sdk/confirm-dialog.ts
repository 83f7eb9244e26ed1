/**
 * A spoken "are you sure?" before device commands that open the house: the question, reading the answer (yes,
 * no, the PIN), checking the PIN with the hub, and sending the commands once the answer allows it.
 * The hub hands the `skills.confirm` section to built-in skills as `ctx.config.confirm`; `confirmSettings` reads it.
 * The question always ends in "?": that is what keeps the hub listening for the answer without the wake phrase.
 */
import { parsePin, parseYesNo, words } from './answers.js';
import { describeUnavailable } from './device-replies.js';
import type { DeviceCommand } from './devices.js';
import { isHubError } from './errors.js';
import type { SkillContext, SkillResponse } from './skill.js';

export type SensitiveClass = 'unlockLocks' | 'unlockVehicles' | 'openDoorsAndGates';

export interface ConfirmSettings {
  classes: Record<SensitiveClass, boolean>;
  /** Ask for the household PIN (checked by the hub with `ctx.verifyPin`) instead of a plain yes. */
  pinRequired: boolean;
}

/** Anything missing from `config.confirm` counts as ON, so a skill registered without it still asks. */
export function confirmSettings(config: Readonly<Record<string, unknown>>): ConfirmSettings {
  const section = (config.confirm ?? {}) as Partial<Record<SensitiveClass, unknown>> & { pin?: { required?: unknown } };
  const on = (key: SensitiveClass) => section[key] !== false;
  return {
    classes: {
      unlockLocks: on('unlockLocks'),
      unlockVehicles: on('unlockVehicles'),
      openDoorsAndGates: on('openDoorsAndGates'),
    },
    pinRequired: section.pin?.required === true,
  };
}

/** A device command waiting for the answer, with the words to say about it. */
export interface PendingCommand {
  deviceId: string;
  command: DeviceCommand;
  /** "unlock the front door" */
  ask: string;
  /** "unlocked the front door" */
  done: string;
  /** "the front door": named when the device does not answer. */
  name: string;
}

export interface ConfirmState {
  step: 'confirm-action';
  pending: PendingCommand[];
}

export function isConfirmState(value: unknown): value is ConfirmState {
  return typeof value === 'object' && value !== null && (value as { step?: unknown }).step === 'confirm-action';
}

/** Asks before sending; `before` is what was already done in the same breath ("Turned off 2 devices."). */
export function askConfirmation(
  pending: PendingCommand[],
  settings: Pick<ConfirmSettings, 'pinRequired'>,
  before = '',
): SkillResponse {
  const what = joinAnd(pending.map((p) => p.ask));
  const question = settings.pinRequired ? `To ${what}, I need your PIN. What is it?` : `Do you want me to ${what}?`;
  const expect = { yesNo: true, pin: settings.pinRequired };
  return {
    reply: before ? `${before} ${question}` : question,
    followUp: { state: { step: 'confirm-action', pending } satisfies ConfirmState, expect },
  };
}

/**
 * The answer to the question. Undefined when the text is no answer at all: the hub then closes the dialog (so
 * nothing is sent) and understands the text as a new command.
 */
export async function answerConfirmation(
  text: string,
  state: ConfirmState,
  settings: Pick<ConfirmSettings, 'pinRequired'>,
  ctx: SkillContext,
): Promise<SkillResponse | undefined> {
  const what = joinAnd(state.pending.map((p) => p.ask));
  // "cancel" alone means no here, whatever it means in an order dialog.
  const answer = words(text)[0] === 'cancel' ? 'no' : parseYesNo(text);
  if (answer === 'no') return { reply: `Okay, I won't ${what}.` };
  if (!settings.pinRequired) return answer === 'yes' ? send(state.pending, ctx) : undefined;
  const pin = parsePin(text);
  if (!pin)
    return answer === 'yes'
      ? { reply: "What's your PIN?", followUp: { state, expect: { pin: true, yesNo: true } } }
      : undefined;
  const check = await ctx.verifyPin(pin);
  switch (check.status) {
    case 'ok':
      return send(state.pending, ctx);
    case 'wrong':
      return {
        reply: `That PIN is wrong, so I didn't ${what}.${check.lockedUntil === undefined ? '' : ` ${check.message}`}`,
      };
    case 'locked':
    case 'unset':
      return { reply: `${check.message} I didn't ${what}.` };
  }
}

/** Sends the confirmed commands; a device that does not answer is reported, not thrown. */
async function send(pending: PendingCommand[], ctx: SkillContext): Promise<SkillResponse> {
  const done: string[] = [];
  const silent: string[] = [];
  const offline: string[] = [];
  for (const p of pending) {
    try {
      await ctx.devices.command(p.deviceId, p.command);
      done.push(p.done);
    } catch (err) {
      if (!isHubError(err) || !err.code.startsWith('DEVICE_')) throw err;
      const device = err.code === 'DEVICE_UNAVAILABLE' ? await ctx.devices.get(p.deviceId) : undefined;
      if (device) offline.push(describeUnavailable(device, ctx.now()));
      else silent.push(p.name);
    }
  }
  const parts: string[] = [];
  if (done.length) parts.push(`${capital(joinAnd(done))}.`);
  if (silent.length) parts.push(`${capital(joinAnd(silent))} ${silent.length === 1 ? 'is' : 'are'} not responding.`);
  parts.push(...offline);
  return { reply: parts.join(' ') };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const joinAnd = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
