import { describe, expect, it } from 'vitest';
import { parsePin, parseYesNo, words } from './answers.js';

describe('spoken answers', () => {
  it.each([
    ['yes', 'yes'],
    ['Yeah, go ahead.', 'yes'],
    ['ok please', 'yes'],
    ['sure', 'yes'],
    ['do it', 'yes'],
    ['no', 'no'],
    ["no, don't", 'no'],
    ['nope', 'no'],
    ['never mind', 'no'],
    ['cancel that', 'no'],
    ["don't order it", 'no'],
    ['what time is it', undefined],
    ['', undefined],
    ['turn on the light', undefined],
  ])('"%s" → %s', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });

  it('in a cancel question a bare "cancel it" means yes, "cancel that" still means no', () => {
    expect(parseYesNo('cancel it', { cancelMeansYes: true })).toBe('yes');
    expect(parseYesNo('cancel that', { cancelMeansYes: true })).toBe('no');
    expect(parseYesNo('cancel', { cancelMeansYes: true })).toBe('yes');
    expect(parseYesNo('cancel')).toBeUndefined();
  });

  it.each([
    ['1 2 3 4', '1234'],
    ['1234', '1234'],
    ['one two three four', '1234'],
    ['my pin is 4 3 2 1', '4321'],
    ['oh nine eight seven', '0987'],
    ['12', undefined],
    ['1 2 3 4 5 6 7 8 9', undefined],
    ['order 1234 coffee', undefined],
    ['yes', undefined],
  ])('PIN "%s" → %s', (text, expected) => {
    expect(parsePin(text)).toBe(expected);
  });

  it('splits into lower-case words without punctuation and spells out "n\'t"', () => {
    expect(words("No, DON'T unlock it!")).toEqual(['no', 'do', 'not', 'unlock', 'it']);
  });
});
