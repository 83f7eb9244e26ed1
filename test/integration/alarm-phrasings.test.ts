import { describe, expect, it } from 'vitest';
import { frameCases } from '../harness/frame-cases.js';
import { itUnderstandsEach, languageWithBuiltins } from '../harness/understanding-tests.js';

const ALARM_CASES = frameCases(new URL('./alarm-phrasings.cases.yaml', import.meta.url));

describe('alarm, reminder, stop and announcement phrasings', () => {
  const language = languageWithBuiltins();

  it('has distinct phrasings', () => {
    expect(new Set(ALARM_CASES.map((c) => c[0])).size).toBe(ALARM_CASES.length);
    expect(ALARM_CASES.length).toBeGreaterThanOrEqual(100);
  });

  itUnderstandsEach(language, ALARM_CASES, { area: 'bedroom' });
});
