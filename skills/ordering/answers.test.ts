import { describe, expect, it } from 'vitest';
import { parsePin, parseYesNo, pickCandidate } from './answers.js';

const candidates = [
  { productId: 'A', title: 'Morning Ridge coffee beans' },
  { productId: 'B', title: 'Morning Ridge coffee beans small' },
  { productId: 'C', title: 'Capsule coffee pods lungo' },
];

describe('ordering answers', () => {
  it.each([
    ['yes', 'yes'], ['Yeah, go ahead.', 'yes'], ['ok please', 'yes'], ['sure', 'yes'], ['do it', 'yes'],
    ['no', 'no'], ["no, don't", 'no'], ['nope', 'no'], ['never mind', 'no'], ['cancel that', 'no'], ["don't order it", 'no'],
    ['what time is it', undefined], ['', undefined], ['turn on the light', undefined],
  ])('"%s" → %s', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });

  it('in a cancel question a bare "cancel it" means yes, "cancel that" still means no', () => {
    expect(parseYesNo('cancel it', { cancelMeansYes: true })).toBe('yes');
    expect(parseYesNo('cancel that', { cancelMeansYes: true })).toBe('no');
    expect(parseYesNo('cancel it')).toBe('yes');
  });

  it.each([
    ['1 2 3 4', '1234'], ['1234', '1234'], ['one two three four', '1234'], ['my pin is 4 3 2 1', '4321'], ['oh nine eight seven', '0987'],
    ['12', undefined], ['1 2 3 4 5 6 7 8 9', undefined], ['order 1234 coffee', undefined], ['yes', undefined],
  ])('PIN "%s" → %s', (text, expected) => {
    expect(parsePin(text)).toBe(expected);
  });

  it('picks a candidate by ordinal, by a distinguishing word, or by the full name', () => {
    expect(pickCandidate('the second one', candidates)?.productId).toBe('B');
    expect(pickCandidate('the last one', candidates)?.productId).toBe('C');
    expect(pickCandidate('the pods', candidates)?.productId).toBe('C');
    expect(pickCandidate('small', candidates)?.productId).toBe('B');
    expect(pickCandidate('morning ridge coffee beans', candidates)?.productId).toBe('A');
  });

  it('does not guess when the answer fits several or none', () => {
    expect(pickCandidate('coffee', candidates)).toBeUndefined();
    expect(pickCandidate('the tea', candidates)).toBeUndefined();
    expect(pickCandidate('', candidates)).toBeUndefined();
  });
});
