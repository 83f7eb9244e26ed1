/** The hub-with-household lifecycle test files share: started before their tests, stopped after them. */
import { afterAll, beforeAll } from 'vitest';
import type { HouseholdDefinition } from '../../firmware-sim/household.js';
import { type HubWithHousehold, type HubWithHouseholdOptions, startHubWithHousehold } from './household.js';
import { SpeechSynth } from './speech.js';

/**
 * A hub with `household` on its broker (startHubWithHousehold with `options`), or what `household` starts when it is
 * a function (startVoiceHub…), for the tests of the file or describe block this is called in: started before them
 * (within `timeoutMs`), stopped after them, the household first. `.hub` and `.household` are there from the first
 * test or later hook on.
 */
export function hubWithHouseholdForTests(
  household: HouseholdDefinition | (() => Promise<HubWithHousehold>),
  options: HubWithHouseholdOptions & { timeoutMs?: number } = {},
): HubWithHousehold {
  const { timeoutMs = 90_000, ...startOptions } = options;
  const start = typeof household === 'function' ? household : () => startHubWithHousehold(household, startOptions);
  let started: HubWithHousehold | undefined;
  beforeAll(async () => {
    started = await start();
  }, timeoutMs);
  afterAll(async () => {
    await started?.household.stop();
    await started?.hub.stop();
  });
  const get = () => {
    if (!started) throw new Error('the hub and its household start in beforeAll: use them in tests and later hooks');
    return started;
  };
  return {
    get hub() {
      return get().hub;
    },
    get household() {
      return get().household;
    },
  };
}

/** An espeak-ng synthesiser started before the tests around it and stopped after them (after what started later). */
export function synthForTests(): SpeechSynth {
  const synth = new SpeechSynth();
  beforeAll(() => synth.start());
  afterAll(() => synth.stop());
  return synth;
}
