import { describe, expect, it } from 'vitest';
import { coverageExamples } from './coverage.js';
import { SlotListSet, valuesList } from './slot-lists.js';
import { demoTemplate as template } from './testing/template.js';

describe('coverageExamples', () => {
  it('passes through every word and every value of a list, each example a sentence the template accepts', () => {
    const lists = new SlotListSet();
    lists.set('drink', valuesList(['coffee', 'flat white', 'latte']));
    const t = template('[(can|could) i (get|have)|i would like] [a|an] {drink} [please]');
    const said = coverageExamples(t, lists).map((e) => e.example);
    for (const word of ['can', 'could', 'get', 'have', 'would', 'like', 'a', 'an', 'please'])
      expect(
        said.some((s) => s.split(' ').includes(word)),
        word,
      ).toBe(true);
    for (const drink of ['coffee', 'flat white', 'latte']) expect(said).toContain(drink);
    expect(said).toContain('i would like coffee');
    const accepted = /^((can|could) i (get|have) |i would like )?((a|an) )?(coffee|flat white|latte)( please)?$/;
    for (const s of said) expect(s).toMatch(accepted);
  });

  it('samples long lists instead of enumerating them', () => {
    const lists = new SlotListSet();
    lists.set('thing', valuesList(Array.from({ length: 500 }, (_, i) => `thing ${i}`)));
    expect(coverageExamples(template('find {thing}'), lists).length).toBeLessThanOrEqual(50);
  });
});
