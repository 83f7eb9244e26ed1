/**
 * Requests no sentence template fits, read by the second stage of understanding (hub/language/parts/) from their
 * parts in any order: each must give the frame and be sure enough to act on. Written here, from how people talk;
 * the template phrasings are in language-phrasings.cases.yaml (confidence 1). The cases are in language-parts.cases.yaml.
 */
import { describe, expect, it } from 'vitest';
import { buildHousehold } from '../../hub/language/testing/household.js';
import { frameCases, sentences } from '../harness/frame-cases.js';
import { itUnderstandsEach, languageWithBuiltins } from '../harness/understanding-tests.js';

const CASES_FILE = new URL('./language-parts.cases.yaml', import.meta.url);

describe('second stage: requests read from their parts', () => {
  const house = buildHousehold();
  const language = languageWithBuiltins(house);

  itUnderstandsEach(language, frameCases(CASES_FILE), { sure: 'enough' });

  it.each(['turn all the lights off in here', 'switch off all the lights in this room'])(
    '%s: the lights of the room it was heard in, not the whole home',
    (text) => {
      const result = language.understand(text, { area: 'living_room' });
      expect(result.intent).toEqual({ name: 'HassTurnOff', slots: { domain: 'light' } });
      expect([...result.targets].sort()).toEqual(['living_ceiling', 'living_lamp']);
      expect(language.understand('turn all the lights off', { area: 'living_room' }).targets.length).toBeGreaterThan(2);
    },
  );

  it.each(sentences(CASES_FILE, 'not_understood'))('%s → not understood', (text) => {
    const result = language.understand(text, { area: 'living_room' });
    expect(result.intent).toBeUndefined();
    expect(result.targets).toEqual([]);
  });
});
