import { describe, expect, it } from 'vitest';
import { parseCmuDictionary } from './grammar/dictionary.js';
import { SlotListSet, valuesList } from './slot-lists.js';
import { Speller } from './spelling.js';

/** Real words of the dictionary: never changed, though one edit from a sentence word. */
const DICTIONARY = parseCmuDictionary(
  ['LINT  L IH N T', 'BING  B IH NG', 'SHOWING  SH OW IH NG', 'LIST  L IH S T', 'BRING  B R IH NG'].join('\n'),
);
const SENTENCE_WORDS = [
  'would',
  'turn',
  'add',
  'switch',
  'shopping',
  'showing',
  'list',
  'lights',
  'bring',
  'podcast',
  'off',
];

function speller(names: string[] = [], dictionary = DICTIONARY): Speller {
  const lists = new SlotListSet();
  lists.set('name', valuesList(names));
  return new Speller(SENTENCE_WORDS, dictionary, lists);
}

describe('Speller', () => {
  it.each([
    ['tunr off the hall lamp', 'turn off the hall lamp'],
    ['swich it off', 'switch it off'],
    ['the grocery lsit', 'the grocery list'],
    ['Turnn OFF', 'turn OFF'],
  ])('reads the slip in "%s" as the sentence word: "%s"', (typed, read) => {
    expect(speller().correct(typed)).toBe(read);
  });

  it('takes the likeliest slip between two neighbours: a doubled letter typed once, not a letter changed', () => {
    expect(speller().correct('my shoping list')).toBe('my shopping list');
  });

  it.each([
    ['add lint roller', 'a real word is no slip'],
    ['bing cherries', 'a real word is no slip'],
    ['play my podcasts', 'a plural of a sentence word is no slip'],
    ['put it on my lst', 'a word under four letters has too many neighbours'],
    ["you wouldn't know, it isn't on", 'a contraction is no slip'],
    ['turn off the showing’s lights', 'a possessive is no slip'],
  ])('leaves "%s" as typed: %s', (typed) => {
    expect(speller().correct(typed)).toBe(typed);
  });

  it("leaves the household's own names alone", () => {
    expect(speller(['Switc Hub']).correct('switc on')).toBe('switc on');
  });

  it('changes nothing without a dictionary to tell real words from slips', () => {
    const lists = new SlotListSet();
    expect(new Speller(SENTENCE_WORDS, undefined, lists).correct('tunr off')).toBe('tunr off');
  });
});
