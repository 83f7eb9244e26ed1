import { describe, expect, it } from 'vitest';
import { tokenize } from '../normalize.js';
import { freeText, withoutOwner } from './free-text.js';

/** The free text of `text` when `explained` words (by index) are understood and the action is word 0. */
function read(text: string, explained: number[]) {
  const tokens = tokenize(text);
  const done = tokens.map((_, i) => explained.includes(i));
  return { tokens, text: freeText(tokens, done, new Set([0]))! };
}

describe('free text', () => {
  it('ends where the name of whose it is starts', () => {
    const { tokens, text } = read('add vodka to my party shopping list', [0, 5, 6]);
    expect(text.value).toBe('vodka to my party');
    expect(tokens[text.end]).toBe('shopping');
    expect(withoutOwner(tokens, text)?.value).toBe('vodka');
  });

  it('is nothing when it is only that name', () => {
    const { tokens, text } = read('clear out my work list', [0, 1, 4]);
    expect(text.value).toBe('work');
    expect(withoutOwner(tokens, text)).toBeUndefined();
  });
});
