import { describe, expect, it } from 'vitest';
import { buildHousehold } from '../../hub/language/testing/household.js';
import { frameCases } from '../harness/frame-cases.js';
import { itUnderstandsEach, languageWithBuiltins } from '../harness/understanding-tests.js';

const CASES = frameCases(new URL('./language-phrasings.cases.yaml', import.meta.url));

describe('built-in English phrasings', () => {
  const house = buildHousehold();
  const language = languageWithBuiltins(house);

  it('has at least 300 distinct phrasings over at least 30 devices', () => {
    expect(new Set(CASES.map((c) => c[0])).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(300);
    expect(house.devices.list().length).toBeGreaterThanOrEqual(30);
  });

  itUnderstandsEach(language, CASES, { sure: 'template' });
});
