import { describe, expect, it } from 'vitest';
import {
  answerConfirmation,
  askConfirmation,
  confirmSettings,
  isConfirmState,
  type ConfirmState,
} from './confirm-dialog.js';
import { HubError } from './errors.js';
import type { PinCheck } from './pin-port.js';
import type { SkillContext } from './skill.js';

const pending = [
  {
    deviceId: 'door',
    command: { command: 'unlock' },
    ask: 'unlock the front door',
    done: 'unlocked the front door',
    name: 'the front door',
  },
];

/** A stand-in ctx that records the commands sent and the PINs checked; the PIN check answers `checks` in turn. */
function context(checks: PinCheck[] = [], failing = new Set<string>()) {
  const sent: string[] = [];
  const pins: string[] = [];
  const ctx = {
    devices: {
      command: async (id: string) => {
        if (failing.has(id)) throw new HubError('DEVICE_TIMEOUT', 'no answer');
        sent.push(id);
        return {};
      },
    },
    verifyPin: async (pin: string) => {
      pins.push(pin);
      return checks.shift() ?? { status: 'ok' };
    },
  } as unknown as SkillContext;
  return { ctx, sent, pins };
}

const state = (): ConfirmState => {
  const asked = askConfirmation(pending, { pinRequired: false });
  if (!isConfirmState(asked.followUp?.state)) throw new Error('no dialog state');
  return asked.followUp.state;
};

describe('confirmation dialog', () => {
  it('asks a question ending in "?", after what was already done', () => {
    expect(askConfirmation(pending, { pinRequired: false }, 'Turned off the light.').reply).toBe(
      'Turned off the light. Do you want me to unlock the front door?',
    );
    expect(askConfirmation(pending, { pinRequired: true }).reply).toBe(
      'To unlock the front door, I need your PIN. What is it?',
    );
  });

  it('yes sends; no and cancel send nothing; anything else is no answer', async () => {
    const { ctx, sent } = context();
    expect(await answerConfirmation('nope', state(), { pinRequired: false }, ctx)).toEqual({
      reply: "Okay, I won't unlock the front door.",
    });
    expect(await answerConfirmation('cancel it', state(), { pinRequired: false }, ctx)).toEqual({
      reply: "Okay, I won't unlock the front door.",
    });
    expect(await answerConfirmation('turn on the light', state(), { pinRequired: false }, ctx)).toBeUndefined();
    expect(sent).toEqual([]);
    expect(await answerConfirmation('yes please', state(), { pinRequired: false }, ctx)).toEqual({
      reply: 'Unlocked the front door.',
    });
    expect(sent).toEqual(['door']);
  });

  it('with a PIN required: yes asks for it, the hub checks it, and only "ok" sends', async () => {
    const { ctx, sent, pins } = context([
      { status: 'wrong', attemptsLeft: 2, message: 'That PIN is wrong; 2 tries left.' },
      {
        status: 'wrong',
        attemptsLeft: 0,
        lockedUntil: 1,
        message: 'Too many wrong PINs: the PIN is locked for 5 minutes.',
      },
      { status: 'locked', lockedUntil: 1, message: 'Too many wrong PINs: the PIN is locked for 4 minutes.' },
      { status: 'ok' },
    ]);
    const pin = { pinRequired: true };
    expect(await answerConfirmation('yes', state(), pin, ctx)).toMatchObject({
      reply: "What's your PIN?",
      followUp: { state: state() },
    });
    expect(await answerConfirmation('1 2 3 4', state(), pin, ctx)).toEqual({
      reply: "That PIN is wrong, so I didn't unlock the front door.",
    });
    expect(await answerConfirmation('1 2 3 5', state(), pin, ctx)).toEqual({
      reply:
        "That PIN is wrong, so I didn't unlock the front door. Too many wrong PINs: the PIN is locked for 5 minutes.",
    });
    expect(await answerConfirmation('4 8 2 1', state(), pin, ctx)).toEqual({
      reply: "Too many wrong PINs: the PIN is locked for 4 minutes. I didn't unlock the front door.",
    });
    expect(sent).toEqual([]);
    expect(await answerConfirmation('four eight two one', state(), pin, ctx)).toEqual({
      reply: 'Unlocked the front door.',
    });
    expect(sent).toEqual(['door']);
    expect(pins).toEqual(['1234', '1235', '4821', '4821']);
  });

  it('a device that does not answer is reported, not thrown', async () => {
    const { ctx } = context([], new Set(['door']));
    expect(await answerConfirmation('yes', state(), { pinRequired: false }, ctx)).toEqual({
      reply: 'The front door is not responding.',
    });
  });

  it('reads the skills.confirm section: every class on unless turned off, PIN off unless required', () => {
    expect(confirmSettings({})).toEqual({
      classes: { unlockLocks: true, unlockVehicles: true, openDoorsAndGates: true },
      pinRequired: false,
    });
    expect(confirmSettings({ confirm: { openDoorsAndGates: false, pin: { required: true } } })).toEqual({
      classes: { unlockLocks: true, unlockVehicles: true, openDoorsAndGates: false },
      pinRequired: true,
    });
  });
});
