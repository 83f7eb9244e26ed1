/** A real LanguageService with the built-in intents, started for the tests around it, and one test per frame case. */
import { beforeAll, expect, it } from 'vitest';
import { ACCEPT_CONFIDENCE } from '../../hub/language/parts/reader.js';
import { LanguageService } from '../../hub/language/service.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import type { FrameCase } from './frame-cases.js';
import { addBuiltinIntents } from './language.js';

/** Over `house` (the test household by default), started before the tests of the file or describe block it is in. */
export function languageWithBuiltins(house: ReturnType<typeof buildHousehold> = buildHousehold()): LanguageService {
  const language = new LanguageService(house);
  beforeAll(async () => {
    await language.start();
    addBuiltinIntents(language);
  });
  return language;
}

/**
 * One test per case: the text, heard in the case's area (else `area`), gives exactly the case's frame; `sure`:
 * 'template' wants confidence 1 (a sentence template fitted), 'enough' at least the confidence the hub acts on.
 */
export function itUnderstandsEach(
  language: LanguageService,
  cases: readonly FrameCase[],
  options: { area?: string; sure?: 'template' | 'enough' } = {},
): void {
  it.each(cases)('%s → %s', (text, intent, slots, caseArea) => {
    const area = caseArea ?? options.area;
    const result = language.understand(text, area ? { area } : {});
    expect(result.intent).toEqual({ name: intent, slots });
    if (options.sure === 'template') expect(result.confidence).toBe(1);
    if (options.sure === 'enough') expect(result.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });
}
