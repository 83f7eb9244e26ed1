/**
 * The spoken confirmation itself: the question, reading the answer (yes, no, the PIN), and sending the commands
 * once the answer allows it. Shared by the smart-home and vehicle skills.
 * The question always ends in "?": that is what keeps the hub listening for the answer without the wake phrase.
 */
import { isHubError, type Device, type DeviceCommand, type SkillContext, type SkillResponse } from '../../../hub/sdk/index.js';
import { parsePin, parseYesNo, words } from '../../ordering/answers.js';
import { verifyPin } from './pin.js';
import type { ConfirmSettings } from './settings.js';

export interface PendingCommand {
  deviceId: string;
  /** Lower-case spoken name, e.g. "front door". */
  name: string;
  command: DeviceCommand;
}

export interface ConfirmState {
  step: 'confirm-action';
  pending: PendingCommand[];
}

export function isConfirmState(value: unknown): value is ConfirmState {
  return typeof value === 'object' && value !== null && (value as { step?: unknown }).step === 'confirm-action';
}

export function pendingFor(device: Device, command: DeviceCommand): PendingCommand {
  return { deviceId: device.id, name: device.name.toLowerCase(), command };
}

/** Asks before sending; `before` is what was already done in the same breath ("Turned off 2 devices."). */
export function askConfirmation(pending: PendingCommand[], settings: ConfirmSettings, before = ''): SkillResponse {
  const what = describe(pending);
  const question = settings.pinHash ? `To ${what}, I need your PIN. What is it?` : `Do you want me to ${what}?`;
  return { reply: before ? `${before} ${question}` : question, followUp: { state: { step: 'confirm-action', pending } satisfies ConfirmState } };
}

/**
 * The answer to the question. Undefined when the text is no answer at all: the hub then closes the dialog (so
 * nothing is sent) and understands the text as a new command.
 */
export async function answerConfirmation(text: string, state: ConfirmState, settings: ConfirmSettings, ctx: SkillContext): Promise<SkillResponse | undefined> {
  const what = describe(state.pending);
  // "cancel" alone means no here, whatever it means in an order dialog.
  const answer = words(text)[0] === 'cancel' ? 'no' : parseYesNo(text);
  if (answer === 'no') return { reply: `Okay, I won't ${what}.` };
  if (settings.pinHash) {
    const pin = parsePin(text);
    if (pin) return (await verifyPin(pin, settings.pinHash)) ? send(state.pending, ctx) : { reply: `That PIN is wrong, so I didn't ${what}.` };
    if (answer === 'yes') return { reply: "What's your PIN?", followUp: { state } };
    return undefined;
  }
  if (answer === 'yes') return send(state.pending, ctx);
  return undefined;
}

/** Sends the confirmed commands; a device that does not answer is reported, not thrown. */
async function send(pending: PendingCommand[], ctx: SkillContext): Promise<SkillResponse> {
  const done: string[] = [];
  const silent: string[] = [];
  for (const p of pending) {
    try {
      await ctx.devices.command(p.deviceId, p.command);
      done.push(pastTense(p));
    } catch (err) {
      if (isHubError(err) && err.code.startsWith('DEVICE_')) silent.push(`the ${p.name}`);
      else throw err;
    }
  }
  const parts: string[] = [];
  if (done.length) parts.push(`${capital(joinAnd(done))}.`);
  if (silent.length) parts.push(`${capital(joinAnd(silent))} ${silent.length === 1 ? 'is' : 'are'} not responding.`);
  return { reply: parts.join(' ') };
}

/** "unlock the front door and open the garage door". */
function describe(pending: PendingCommand[]): string {
  return joinAnd(pending.map((p) => {
    if (p.command.command === 'set_position') return `open the ${p.name} to ${Number(p.command.params?.position)} percent`;
    return `${p.command.command === 'unlock' ? 'unlock' : 'open'} the ${p.name}`;
  }));
}

function pastTense(p: PendingCommand): string {
  if (p.command.command === 'set_position') return `moved the ${p.name} to ${Number(p.command.params?.position)} percent`;
  return `${p.command.command === 'unlock' ? 'unlocked' : 'opened'} the ${p.name}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const joinAnd = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
