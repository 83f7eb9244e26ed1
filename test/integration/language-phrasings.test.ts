import { beforeAll, describe, expect, it } from 'vitest';
import { LanguageService } from '../../hub/language/service.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import { CASES } from './language-phrasings.cases.js';
import { addBuiltinIntents } from '../harness/language.js';

describe('built-in English phrasings', () => {
  const house = buildHousehold();
  const language = new LanguageService(house);
  beforeAll(async () => {
    await language.start();
    addBuiltinIntents(language);
  });

  it('has at least 300 distinct phrasings over at least 30 devices', () => {
    expect(new Set(CASES.map((c) => c[0])).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(300);
    expect(house.devices.list().length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s → %s', (text, intent, slots, area) => {
    const result = language.understand(text, area ? { area } : {});
    expect(result.intent).toEqual({ name: intent, slots });
    expect(result.confidence).toBe(1);
  });
});
