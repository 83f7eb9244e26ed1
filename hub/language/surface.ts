/**
 * Free text as the person wrote it. Matching works on normalised tokens ("emma's playlist" → "emma playlist",
 * "what's" → "what is"), but a shopping item or a title should keep "Emma's" and "Guns N' Roses": the tokens of a
 * free-text value are found again in the original text, with what normalising dropped put back.
 */
import { CONTRACTIONS } from './normalize.js';

const cache = new Map<string, RegExp>();

/** "we are" → the ways it may have been written short ("we're", "were"…), longest expansions first. */
const CONTRACTED = new Map<string, string[]>();
for (const [short, long] of Object.entries(CONTRACTIONS)) {
  const forms = CONTRACTED.get(long) ?? [];
  forms.push(short);
  CONTRACTED.set(long, forms);
}
const LONGEST_EXPANSION = Math.max(...[...CONTRACTED.keys()].map((long) => long.split(' ').length));

/** The pattern of each written word of the value: a token, or a contraction standing for the next few tokens. */
function wordPatterns(tokens: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let taken = 1;
    let pattern = `${escapeRegExp(tokens[i]!)}(?:['\u2019](?:s|re|ve|ll|d|m|t))?`;
    for (let n = Math.min(LONGEST_EXPANSION, tokens.length - i); n >= 2; n--) {
      const forms = CONTRACTED.get(tokens.slice(i, i + n).join(' '));
      if (!forms) continue;
      const written = forms.map((f) => escapeRegExp(f).replace(/'/g, "['\u2019]"));
      pattern = `(?:${written.join('|')}|${tokens
        .slice(i, i + n)
        .map(escapeRegExp)
        .join('[^\\p{L}\\p{N}]+')})`;
      taken = n;
      break;
    }
    words.push(pattern);
    i += taken;
  }
  return words;
}

export function surfaceOf(value: string, text: string): string {
  const tokens = value.split(' ').filter(Boolean);
  if (tokens.length === 0) return value;
  const key = tokens.join(' ');
  let pattern = cache.get(key);
  if (!pattern) {
    // Each token may carry a possessive or a contraction it came from; between tokens any punctuation or space.
    const parts = wordPatterns(tokens);
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join(`[^\\p{L}\\p{N}]+`)}(?![\\p{L}\\p{N}])`, 'iu');
    if (cache.size > 500) cache.clear();
    cache.set(key, pattern);
  }
  const found = pattern.exec(text);
  return found ? found[0] : value;
}

function escapeRegExp(token: string): string {
  return token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
