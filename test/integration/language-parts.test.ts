/**
 * Requests no sentence template fits, read by the second stage of understanding (hub/language/parts/) from their
 * parts in any order: each must give the frame and be sure enough to act on. Written here, from how people talk;
 * the template phrasings are in language-phrasings.cases.ts (confidence 1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT_CONFIDENCE } from '../../hub/language/parts/reader.js';
import { LanguageService } from '../../hub/language/service.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import type { SlotValue } from '../../hub/sdk/intents.js';
import { addBuiltinIntents } from '../harness/language.js';

type Case = [text: string, intent: string, slots: Record<string, SlotValue>, area?: string];

const CASES: Case[] = [
  // Lists: asking to see one, or which there are
  ['which lists have we got', 'HearthListRead', {}],
  ['can i see the shopping list', 'HearthListRead', {}],
  ['pull up the grocery list', 'HearthListRead', {}],
  ['anything left on the list', 'HearthListRead', {}],
  ['how many things are on my list', 'HearthListRead', {}],
  ['is there butter on the shopping list', 'HearthListRead', {}],
  ['scrap the crisps from my list', 'HassShoppingListCompleteItem', { item: 'the crisps' }],
  // Volume named by a level word, or the loudest
  ['put the volume on medium', 'HassSetVolume', { volume_level: 50 }],
  ['turn the volume up to the loudest setting', 'HassSetVolume', { volume_level: 100 }],
];

describe('second stage: requests read from their parts', () => {
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
