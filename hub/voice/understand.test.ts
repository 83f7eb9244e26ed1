import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinSkills } from '../../skills/index.js';
import { addTestHousehold, createFixture, type Fixture } from '../skills/testing/fixture.js';
import { understandWithSkills } from './understand.js';

let f: Fixture;
let understood: string[];

beforeEach(async () => {
  f = createFixture();
  addTestHousehold(f.devices);
  await f.runtime.start();
  for (const skill of builtinSkills) await f.runtime.registerBuiltin(skill);
  understood = [];
  const understand = f.language.understand.bind(f.language);
  f.language.understand = (text, context) => {
    understood.push(text);
    return understand(text, context);
  };
});
afterEach(async () => f.close());

describe('voice understands each utterance once', () => {
  it('the language service reads a command once, and the skill acts on that reading', async () => {
    const handle = understandWithSkills(f.runtime);
    const result = await handle('turn on the kitchen light', { followUp: false });
    expect(understood).toEqual(['turn on the kitchen light']);
    expect(result.intent?.name).toBe('HassTurnOn');
    expect(f.devices.get('kitchen-light')?.state.on).toBe(true);
    expect(result.timings?.nluMs).toBeGreaterThanOrEqual(0);
  });

  it('a lock command heard unsure is read once, asked back, and acted on after "yes"', async () => {
    const handle = understandWithSkills(f.runtime, undefined, {
      lookup: { device: (id) => f.devices.get(id), buys: () => false },
      minMargin: 5,
      answerMs: 8000,
      now: () => f.clock.now(),
    });
    const asked = await handle('lock the front door', {
      followUp: false,
      margin: async () => ({ fit: 1, coverage: 1 }),
    });
    expect(asked.reply).toBe('Did you say "lock the front door"?');
    expect(understood).toEqual(['lock the front door']);
    expect(f.devices.commands).toHaveLength(0);
    const done = await handle('yes', { followUp: true });
    expect(done.intent?.name).toBe('HassTurnOn');
    expect(f.devices.commands).toEqual([expect.objectContaining({ deviceId: 'front-door' })]);
  });
});

describe('on or off: the opposite reading is weighed before acting', () => {
  const sure = () => ({
    lookup: { device: (id: string) => f.devices.get(id), buys: () => false },
    minLead: 2,
    answerMs: 8000,
    now: () => f.clock.now(),
  });

  it('acts when the heard words fit clearly better than the opposite', async () => {
    const handle = understandWithSkills(f.runtime, undefined, sure());
    const asked: string[][] = [];
    const result = await handle('turn off the kitchen light', {
      followUp: false,
      lead: async (rivals) => {
        asked.push([...rivals]);
        return { lead: 6, rival: rivals[0]! };
      },
    });
    expect(asked).toEqual([['turn on the kitchen light']]);
    expect(result.intent?.name).toBe('HassTurnOff');
    expect(f.devices.commands).toEqual([expect.objectContaining({ deviceId: 'kitchen-light' })]);
  });

  it('asks about the better-fitting reading when the opposite fits better, and does it after "yes"', async () => {
    const handle = understandWithSkills(f.runtime, undefined, sure());
    const asked = await handle('turn on the kitchen light', {
      followUp: false,
      lead: async () => ({ lead: -3, rival: 'turn off the kitchen light' }),
    });
    expect(asked.reply).toBe('Did you say "turn off the kitchen light"?');
    expect(f.devices.commands).toHaveLength(0);
    const done = await handle('yes', { followUp: true });
    expect(done.intent?.name).toBe('HassTurnOff');
    expect(f.devices.commands).toEqual([expect.objectContaining({ deviceId: 'kitchen-light' })]);
  });

  it('a close call is asked about as heard; "no" does nothing', async () => {
    const handle = understandWithSkills(f.runtime, undefined, sure());
    const asked = await handle('turn on the kitchen light', {
      followUp: false,
      lead: async () => ({ lead: 1, rival: 'turn off the kitchen light' }),
    });
    expect(asked.reply).toBe('Did you say "turn on the kitchen light"?');
    const no = await handle('no', { followUp: true });
    expect(no.reply).toBe("Okay, I won't.");
    expect(f.devices.commands).toHaveLength(0);
  });

  it('a spoken "toggle" is asked back even when it fits clearly better than "turn on" and "turn off"', async () => {
    // This fixture's lights take no toggle; read it as a command all the same (the question is whether it is asked).
    const read = f.language.understand.bind(f.language);
    f.language.understand = (text, context) => read(text.replace(/^toggle /, 'turn on '), context);
    const handle = understandWithSkills(f.runtime, undefined, sure());
    const asked = await handle('toggle the kitchen light', {
      followUp: false,
      lead: async () => ({ lead: 9, rival: 'turn off the kitchen light' }),
    });
    expect(asked.reply).toBe('Did you say "toggle the kitchen light"?');
    expect(f.devices.commands).toHaveLength(0);
    const better = await handle('toggle the kitchen light', {
      followUp: false,
      lead: async () => ({ lead: -2, rival: 'turn off the kitchen light' }),
    });
    expect(better.reply).toBe('Did you say "turn off the kitchen light"?');
    expect(f.devices.commands).toHaveLength(0);
  });
});

describe('a command heard unsure is asked back before acting', () => {
  const sure = () => ({
    lookup: { device: (id: string) => f.devices.get(id), buys: () => false },
    askBelow: { fit: -20, coverage: 0.8 },
    answerMs: 8000,
    now: () => f.clock.now(),
  });

  it('acts on a clear fit; asks when the words fit poorly or cover too little of the speech', async () => {
    const handle = understandWithSkills(f.runtime, undefined, sure());
    const clear = await handle('turn on the kitchen light', {
      followUp: false,
      margin: async () => ({ fit: -3, coverage: 0.95 }),
    });
    expect(clear.intent?.name).toBe('HassTurnOn');
    expect(f.devices.commands).toHaveLength(1);
    for (const fit of [
      { fit: -25, coverage: 0.95 },
      { fit: -3, coverage: 0.6 },
    ]) {
      const asked = await handle('turn off the kitchen light', { followUp: false, margin: async () => fit });
      expect(asked.reply).toBe('Did you say "turn off the kitchen light"?');
      expect((await handle('no', { followUp: true })).reply).toBe("Okay, I won't.");
    }
    expect(f.devices.commands).toHaveLength(1);
  });

  it('an answer to an open question is not asked back again', async () => {
    const handle = understandWithSkills(f.runtime, undefined, sure());
    const answer = await handle('turn on the kitchen light', {
      followUp: true,
      margin: async () => ({ fit: -25, coverage: 0.5 }),
    });
    expect(answer.intent?.name).toBe('HassTurnOn');
    expect(f.devices.commands).toHaveLength(1);
  });
});

describe('the focused pass: the same intent heard again in other words', () => {
  it("acts on the focused pass's words when they are the same intent, and weighs the opposite on those words", async () => {
    const asked: string[][] = [];
    const handle = understandWithSkills(f.runtime, undefined, {
      lookup: { device: (id) => f.devices.get(id), buys: () => false },
      minLead: 2,
      answerMs: 8000,
      now: () => f.clock.now(),
    });
    const focusedOn: string[] = [];
    const result = await handle('turn on the kitchen light', {
      followUp: false,
      lead: async () => ({ lead: -9, rival: 'never asked: the first reading is not acted on' }),
      focus: async (intent) => {
        focusedOn.push(intent);
        return {
          text: 'turn on the reading lamp',
          lead: async (rivals) => {
            asked.push([...rivals]);
            return { lead: 6, rival: rivals[0]! };
          },
        };
      },
    });
    expect(focusedOn).toEqual(['HassTurnOn']);
    expect(asked).toEqual([['turn off the reading lamp']]);
    expect(result.transcript).toBe('turn on the reading lamp');
    expect(f.devices.commands).toEqual([expect.objectContaining({ deviceId: 'lamp' })]);
  });

  it('keeps the first reading when the focused words are another intent, the same frame, or nothing', async () => {
    const handle = understandWithSkills(f.runtime);
    const other = await handle('turn on the kitchen light', {
      followUp: false,
      focus: async () => ({ text: 'what time is it' }),
    });
    expect(other.transcript).toBeUndefined();
    expect(other.intent?.name).toBe('HassTurnOn');
    const sameFrame = await handle('turn on the kitchen light', {
      followUp: false,
      focus: async () => ({ text: 'turn on that kitchen light' }),
    });
    expect(sameFrame.transcript).toBeUndefined();
    const none = await handle('turn off the kitchen light', { followUp: false, focus: async () => undefined });
    expect(none.intent?.name).toBe('HassTurnOff');
    expect(f.devices.commands.map((c) => c.deviceId)).toEqual(['kitchen-light', 'kitchen-light', 'kitchen-light']);
  });
});
