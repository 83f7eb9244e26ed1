/**
 * Kinds of phrasing that other people's sentences for the hub's intents use and the templates did not (the held-out
 * phrasings' misses, test/phrasings/README.md, learnt as kinds): each kind with sentences of our own, other words and
 * other devices than the ones it was learnt from. Each must give the frame, sure enough to act on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT_CONFIDENCE } from '../../hub/language/parts/reader.js';
import { LanguageService } from '../../hub/language/service.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import type { SlotValue } from '../../hub/sdk/intents.js';
import { addBuiltinIntents } from '../harness/language.js';

type Case = [text: string, intent: string, slots: Record<string, SlotValue>, area?: string];

const CASES: Case[] = [
  // The highest or lowest setting said as a superlative, or "as … as it goes"
  ['desk fan at the fastest it can go', 'HassFanSetSpeed', { name: 'Desk Fan', percentage: 100 }],
  ['kitchen light as dim as you can make it', 'HassLightSet', { name: 'Kitchen Light', brightness: 1 }],
  ['make the chandelier the brightest possible', 'HassLightSet', { name: 'Chandelier', brightness: 100 }],
  ['quietest setting on the office speaker', 'HassSetVolume', { name: 'Office Speaker', volume_level: 1 }],
  ['brightest it goes in here', 'HassLightSet', { brightness: 100 }, 'bedroom'],
];

describe('kinds of phrasing from other people', () => {
  const house = buildHousehold();
  const language = new LanguageService(house);
  beforeAll(async () => {
    await language.start();
    addBuiltinIntents(language);
  });

  it.each(CASES)('%s → %s', (text, intent, slots, area) => {
    const result = language.understand(text, area ? { area } : {});
    expect(result.intent).toEqual({ name: intent, slots });
    expect(result.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });
});
