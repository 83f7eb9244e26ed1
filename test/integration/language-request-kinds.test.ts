/**
 * Kinds of phrasing real people use for a home assistant that the hub missed (learnt as kinds from the slurp-devel
 * misses, docs/architecture.md "Understanding"), each with sentences of our own: other words, word orders, typos
 * and devices than the requests it was learnt from. Each must give the frame, sure enough to act on; the
 * near-misses beside them must not.
 */
import { describe, expect, it } from 'vitest';
import { ACCEPT_CONFIDENCE } from '../../hub/language/parts/reader.js';
import { frameCases, sentences } from '../harness/frame-cases.js';
import { itUnderstandsEach, languageWithBuiltins } from '../harness/understanding-tests.js';

const CASES_FILE = new URL('./language-request-kinds.cases.yaml', import.meta.url);
/** Said near the kinds above, but no request for them: nothing to act on. */
const NOT_REQUESTS = sentences(CASES_FILE, 'not_requests');

describe('kinds of real requests', () => {
  const language = languageWithBuiltins();

  itUnderstandsEach(language, frameCases(CASES_FILE), { area: 'living_room', sure: 'enough' });

  it.each(["turn on the lights in my flat and let's party", 'switch the lights off around the house'])(
    '%s: the home said as the place reaches the lights of every room',
    (text) => {
      const result = language.understand(text, { area: 'living_room' });
      expect(result.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
      expect(result.targets).toEqual(expect.arrayContaining(['bedroom_lamp', 'garden_lights', 'living_lamp']));
    },
  );

  it.each([
    ['switch on every outdoor light', ['garden_lights']],
    ['the exterior lights off please', ['garden_lights']],
  ])('%s: the lights of the areas outdoors, wherever it was heard', (text, outdoors) => {
    const result = language.understand(text, { area: 'living_room' });
    expect(result.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    expect(result.targets).toEqual(outdoors);
  });

  it('turn the interior lights down: every light indoors, none in the garden', () => {
    const result = language.understand('turn the interior lights down', { area: 'living_room' });
    expect(result.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    expect(result.targets).toEqual(expect.arrayContaining(['bedroom_lamp', 'kitchen_light', 'basement_light']));
    expect(result.targets).not.toContain('garden_lights');
  });

  it.each(NOT_REQUESTS)('%s: nothing is acted on', (text) => {
    const result = language.understand(text, { area: 'living_room' });
    if (result.intent) expect(result.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});
