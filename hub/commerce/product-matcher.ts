import type { Product } from './types.js';

export type ProductMatch =
  | { status: 'match'; product: Product; score: number }
  | { status: 'ambiguous'; candidates: Product[] }
  | { status: 'none'; suggestions: Product[] };

const FILLER = new Set([
  'a',
  'an',
  'the',
  'some',
  'more',
  'of',
  'pack',
  'packs',
  'bag',
  'bags',
  'bottle',
  'bottles',
  'box',
  'boxes',
  'my',
  'please',
  'new',
]);

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function normalise(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9äöüéèàß ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !FILLER.has(w))
    .map(stem);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const d = editDistance(a, b);
  const sim = 1 - d / Math.max(a.length, b.length);
  return sim >= 0.7 ? sim : 0;
}

/** How well the spoken words cover a phrase (name or alias) and vice versa, 0..1. */
function phraseScore(query: string[], phrase: string[]): number {
  if (!phrase.length || !query.length) return 0;
  const cover = (from: string[], to: string[]) =>
    from.reduce((s, w) => s + Math.max(...to.map((t) => wordSimilarity(w, t))), 0) / from.length;
  const q = cover(query, phrase);
  const p = cover(phrase, query);
  return q * 0.6 + p * 0.4;
}

/**
 * Resolves "coffee", "two packs of paper towel", "dishsoap" to a product. An alias that
 * matches exactly wins; otherwise the best fuzzy score, unless another product is within
 * `margin` of it, which makes the answer ambiguous (the caller asks "which one?").
 */
export function matchProduct(text: string, products: readonly Product[], margin = 0.08): ProductMatch {
  const query = normalise(text);
  const exact = products.filter((p) =>
    [p.name, ...p.aliases].some((phrase) => normalise(phrase).join(' ') === query.join(' ')),
  );
  if (exact.length === 1) return { status: 'match', product: exact[0]!, score: 1 };
  if (exact.length > 1) return { status: 'ambiguous', candidates: exact };
  const compact = query.join('');
  const scored = products
    .map((product) => {
      const phrases = [product.name, ...product.aliases].map(normalise);
      const score = Math.max(
        ...phrases.map((ph) => Math.max(phraseScore(query, ph), wordSimilarity(compact, ph.join('')))),
      );
      return { product, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score < 0.55) return { status: 'none', suggestions: scored.slice(0, 3).map((s) => s.product) };
  const close = scored.filter((s) => best.score - s.score <= margin);
  if (close.length > 1) return { status: 'ambiguous', candidates: close.slice(0, 5).map((s) => s.product) };
  return { status: 'match', product: best.product, score: best.score };
}
