/**
 * Free text as the person wrote it. Matching works on normalised tokens ("emma's playlist" → "emma playlist",
 * "what's" → "what is"), but a shopping item or a title should keep "Emma's" and "Guns N' Roses": the tokens of a
 * free-text value are found again in the original text, with what normalising dropped put back.
 */
const cache = new Map<string, RegExp>();

export function surfaceOf(value: string, text: string): string {
  const tokens = value.split(' ').filter(Boolean);
  if (tokens.length === 0) return value;
  const key = tokens.join(' ');
  let pattern = cache.get(key);
  if (!pattern) {
    // Each token may carry a possessive or a contraction it came from; between tokens any punctuation or space.
    const parts = tokens.map((t) => `${escapeRegExp(t)}(?:['\u2019](?:s|re|ve|ll|d|m|t))?`);
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
