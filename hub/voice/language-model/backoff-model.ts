/**
 * A back-off trigram model estimated from word sequences: interpolated absolute discounting (Ney, Essen & Kneser
 * 1994), each order's discount taken from its count-of-counts, stored as ARPA's probabilities and back-off weights.
 */

export const SENTENCE_START = '<s>';
export const SENTENCE_END = '</s>';

/** One n-gram as ARPA keeps it: log10 probability and, for histories of a higher order, a log10 back-off weight. */
export interface NgramEntry {
  logProb: number;
  logBackoff?: number;
}

export interface BackoffModel {
  /** `orders[n - 1]`: the n-grams of order n, keyed by their words joined with single spaces. */
  orders: Array<Map<string, NgramEntry>>;
}

export interface EstimateOptions {
  /** Highest order (default 3). */
  order?: number;
  /** Words given unigram mass even when the sentences never use them (each gets a share of the discounted mass). */
  vocabulary?: Iterable<string>;
}

/** The probability ARPA writes for <s>, which is never predicted. */
const NEVER = -99;

export function estimateBackoffModel(
  sentences: Iterable<readonly string[]>,
  options: EstimateOptions = {},
): BackoffModel {
  const order = options.order ?? 3;
  if (!Number.isInteger(order) || order < 1 || order > 5) throw new RangeError(`order ${order}: use 1 to 5`);
  const counts = countNgrams(sentences, order);
  const vocabulary = new Set<string>(options.vocabulary ?? []);
  for (const key of counts[0]!.keys()) vocabulary.add(key);
  vocabulary.delete(SENTENCE_START);
  vocabulary.add(SENTENCE_END);
  if (counts[0]!.size === 0) throw new RangeError('no sentences to estimate a language model from');

  const orders: Array<Map<string, NgramEntry>> = [estimateUnigrams(counts[0]!, vocabulary)];
  for (let n = 2; n <= order; n++) {
    const lower = orders[n - 2]!;
    const lowerProb = (words: string[]) => backedOffLog10(orders, words);
    const { entries, histories } = estimateOrder(counts[n - 1]!, lowerProb);
    orders.push(entries);
    for (const [history, stats] of histories) {
      const entry = lower.get(history);
      // Every history was itself seen as an (n-1)-gram; the guard is for the type checker.
      if (entry) entry.logBackoff = stats.logBackoff;
    }
  }
  return { orders };
}

/** log10 P(last word | the words before it) under the model, backing off as ARPA readers do. */
export function backedOffLog10(
  orders: ReadonlyArray<ReadonlyMap<string, NgramEntry>>,
  words: readonly string[],
): number {
  const n = Math.min(words.length, orders.length);
  const tail = words.slice(words.length - n);
  const found = orders[n - 1]!.get(tail.join(' '));
  if (found) return found.logProb;
  if (n === 1) return -Infinity;
  const backoff = orders[n - 2]!.get(tail.slice(0, -1).join(' '))?.logBackoff ?? 0;
  return backoff + backedOffLog10(orders, tail.slice(1));
}

function countNgrams(sentences: Iterable<readonly string[]>, order: number): Array<Map<string, number>> {
  const counts = Array.from({ length: order }, () => new Map<string, number>());
  for (const sentence of sentences) {
    if (sentence.length === 0) continue;
    const tokens = [SENTENCE_START, ...sentence, SENTENCE_END];
    for (let end = 1; end <= tokens.length; end++) {
      for (let n = 1; n <= order && n <= end; n++) {
        const key = tokens.slice(end - n, end).join(' ');
        counts[n - 1]!.set(key, (counts[n - 1]!.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Ney's estimate n1 / (n1 + 2 n2), kept within (0, 1) for tiny or odd samples. */
function discountFor(counts: ReadonlyMap<string, number>): number {
  let once = 0;
  let twice = 0;
  for (const c of counts.values()) {
    if (c === 1) once++;
    else if (c === 2) twice++;
  }
  const d = once + 2 * twice > 0 ? once / (once + 2 * twice) : 0.5;
  return Math.min(0.9, Math.max(0.1, d));
}

function estimateUnigrams(
  counts: ReadonlyMap<string, number>,
  vocabulary: ReadonlySet<string>,
): Map<string, NgramEntry> {
  const predicted = [...counts].filter(([word]) => word !== SENTENCE_START);
  const total = predicted.reduce((sum, [, c]) => sum + c, 0);
  const discount = discountFor(new Map(predicted));
  const spread = (discount * predicted.length) / total / vocabulary.size;
  const entries = new Map<string, NgramEntry>([[SENTENCE_START, { logProb: NEVER }]]);
  for (const word of vocabulary) {
    const seen = counts.get(word) ?? 0;
    entries.set(word, { logProb: Math.log10(Math.max(seen - discount, 0) / total + spread) });
  }
  return entries;
}

interface HistoryStats {
  total: number;
  followers: string[];
  logBackoff: number;
}

function estimateOrder(
  counts: ReadonlyMap<string, number>,
  lowerLog10: (words: string[]) => number,
): { entries: Map<string, NgramEntry>; histories: Map<string, HistoryStats> } {
  const discount = discountFor(counts);
  const histories = new Map<string, HistoryStats>();
  for (const [key, c] of counts) {
    const cut = key.lastIndexOf(' ');
    const history = key.slice(0, cut);
    const stats = histories.get(history) ?? { total: 0, followers: [], logBackoff: 0 };
    stats.total += c;
    stats.followers.push(key.slice(cut + 1));
    histories.set(history, stats);
  }
  const entries = new Map<string, NgramEntry>();
  for (const [history, stats] of histories) {
    const words = history.split(' ');
    const shorter = words.slice(1);
    const leftOver = (discount * stats.followers.length) / stats.total;
    let seenMass = 0;
    let seenLowerMass = 0;
    for (const follower of stats.followers) {
      const lower = 10 ** lowerLog10([...shorter, follower]);
      const p = (counts.get(`${history} ${follower}`)! - discount) / stats.total + leftOver * lower;
      entries.set(`${history} ${follower}`, { logProb: Math.log10(p) });
      seenMass += p;
      seenLowerMass += lower;
    }
    // The mass left for unseen followers, spread in proportion to the lower order's probabilities of them.
    const unseen = Math.max(1 - seenMass, 1e-12);
    const unseenLower = Math.max(1 - seenLowerMass, 1e-12);
    stats.logBackoff = Math.log10(unseen / unseenLower);
  }
  return { entries, histories };
}
