import { beforeAll, describe, expect, it } from 'vitest';
import { LanguageService } from '../../hub/language/service.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import { ALARM_CASES } from './alarm-phrasings.cases.js';
import { addBuiltinIntents } from '../harness/language.js';

describe('alarm, reminder, stop and announcement phrasings', () => {
  const language = new LanguageService(buildHousehold());
  beforeAll(async () => {
    await language.start();
    addBuiltinIntents(language);
  });

  it('has distinct phrasings', () => {
    expect(new Set(ALARM_CASES.map((c) => c[0])).size).toBe(ALARM_CASES.length);
    expect(ALARM_CASES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(ALARM_CASES)('%s → %s', (text, intent, slots) => {
    expect(language.understand(text, { area: 'bedroom' }).intent).toEqual({ name: intent, slots });
  });
});
