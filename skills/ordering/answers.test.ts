import { describe, expect, it } from 'vitest';
import { pickCandidate } from './answers.js';

const candidates = [
  { productId: 'A', title: 'Morning Ridge coffee beans' },
  { productId: 'B', title: 'Morning Ridge coffee beans small' },
  { productId: 'C', title: 'Capsule coffee pods lungo' },
];

describe('which product an answer meant', () => {
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
