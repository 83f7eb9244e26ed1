import { describe, expect, it } from 'vitest';
import { examples } from './examples.js';
import { SlotListSet, valuesList } from './slot-lists.js';
import { demoTemplate as template } from './testing/template.js';

describe('examples', () => {
  it('follows a list whose first value changed (a device was renamed) instead of answering from the last walk', () => {
    const lists = new SlotListSet();
    lists.set('name', valuesList(['porch lamp', 'desk fan']));
    const t = template('(switch|turn) on [the] {name}');
    expect(examples(t, lists, 6)).toEqual([
      'switch on porch lamp',
      'switch on the porch lamp',
      'turn on porch lamp',
      'turn on the porch lamp',
    ]);
    lists.set('name', valuesList(['garden pump']));
    expect(examples(t, lists, 6)[0]).toBe('switch on garden pump');
    lists.delete('name');
    expect(examples(t, lists, 6)).toEqual([]);
  });

  it('answers a smaller max with the prefix of a larger walk, and a larger one with a fresh walk', () => {
    const lists = new SlotListSet();
    lists.set('name', valuesList(['porch lamp']));
    const t = template('(switch|turn) on [the] {name}');
    const four = examples(t, lists, 4);
    expect(examples(t, lists, 1)).toEqual(four.slice(0, 1));
    expect(examples(t, lists, 2)).toEqual(['switch on porch lamp', 'switch on the porch lamp']);
    expect(examples(t, lists, 3)).toHaveLength(3);
    expect(examples(t, lists, 4)).toEqual(four);
  });

  it('hands out copies, so a caller changing its array does not change the next answer', () => {
    const lists = new SlotListSet();
    lists.set('name', valuesList(['porch lamp']));
    const t = template('turn on {name}');
    examples(t, lists, 3).push('garbage');
    expect(examples(t, lists, 3)).toEqual(['turn on porch lamp']);
  });
});
