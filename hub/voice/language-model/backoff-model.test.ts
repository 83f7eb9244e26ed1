import { describe, expect, it } from 'vitest';
import { writeArpa } from './arpa.js';
import { backedOffLog10, estimateBackoffModel, SENTENCE_END, SENTENCE_START } from './backoff-model.js';

const corpus = [
  'turn on the kitchen light',
  'turn off the kitchen light',
  'turn on the porch light',
  'lock the front door',
  'unlock the front door',
  'turn the kitchen light off',
].map((s) => s.split(' '));

const vocabularyOf = (model: ReturnType<typeof estimateBackoffModel>) =>
  [...model.orders[0]!.keys()].filter((w) => w !== SENTENCE_START);

describe('estimateBackoffModel', () => {
  const model = estimateBackoffModel(corpus, { vocabulary: ['garage'] });

  it('gives every history a proper distribution over the vocabulary, seen or not', () => {
    for (const history of [
      [SENTENCE_START],
      ['turn'],
      [SENTENCE_START, 'turn'],
      ['the', 'kitchen'],
      ['garage'],
      ['door', 'lock'],
    ]) {
      const total = vocabularyOf(model).reduce(
        (sum, w) => sum + 10 ** backedOffLog10(model.orders, [...history, w]),
        0,
      );
      expect(total, history.join(' ')).toBeCloseTo(1, 6);
    }
  });

  it('prefers what the sentences say and still allows what they never do', () => {
    const seen = backedOffLog10(model.orders, ['on', 'the', 'kitchen']);
    const unseenOrder = backedOffLog10(model.orders, ['on', 'the', 'front']);
    expect(seen).toBeGreaterThan(unseenOrder);
    expect(Number.isFinite(backedOffLog10(model.orders, ['lock', 'the', 'garage']))).toBe(true);
    expect(backedOffLog10(model.orders, ['the', 'kitchen', 'light'])).toBeGreaterThan(-0.2);
  });

  it('never predicts the sentence start and ends sentences', () => {
    expect(model.orders[0]!.get(SENTENCE_START)!.logProb).toBe(-99);
    expect(backedOffLog10(model.orders, ['front', 'door', SENTENCE_END])).toBeGreaterThan(-0.1);
  });

  it('refuses to estimate from nothing and an impossible order', () => {
    expect(() => estimateBackoffModel([])).toThrow(/no sentences/);
    expect(() => estimateBackoffModel(corpus, { order: 0 })).toThrow(/order 0/);
  });
});

describe('writeArpa', () => {
  it('writes the counts, each order and back-off weights below the highest order', () => {
    const model = estimateBackoffModel(corpus);
    const arpa = writeArpa(model);
    const lines = arpa.split('\n');
    expect(lines[0]).toBe('\\data\\');
    for (const [i, entries] of model.orders.entries()) {
      expect(lines).toContain(`ngram ${i + 1}=${entries.size}`);
      const start = lines.indexOf(`\\${i + 1}-grams:`);
      const section = lines.slice(start + 1, start + 1 + entries.size);
      expect(section.every((l) => l.split('\t')[1]!.split(' ').length === i + 1)).toBe(true);
      if (i === model.orders.length - 1) expect(section.every((l) => l.split('\t').length === 2)).toBe(true);
    }
    expect(arpa).toMatch(/^-99\.0000\t<s>\t-?\d+\.\d{4}$/m);
    expect(arpa.trimEnd().endsWith('\\end\\')).toBe(true);
  });
});
