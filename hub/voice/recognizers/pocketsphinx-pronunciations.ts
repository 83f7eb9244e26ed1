/**
 * Pronunciations the en-us model hears better than the dictionary's first one; the dictionary's
 * stay behind as variants (used only with -fsgusealtpron yes).
 *
 * "unlock": cmudict writes the prefix AH N, but the prefix is said with a full, stressed STRUT vowel,
 * and the decoder let its <sil> swallow that "un" and heard "lock the front door" (2 of 3 voices in
 * the tuning bench and e2e suite; 7 of 12 other espeak-ng voices and speeds). Written AA N, unlock
 * was heard in 10 of those 12 and in all 3 suite voices, and no "lock" command became "unlock"
 * (the unsafe direction). Measured on espeak-ng speech only: see BENCHMARKS.md, Voice.
 */
const PREFERRED_PRONUNCIATIONS: Readonly<Record<string, string>> = { unlock: 'AA N L AA K' };

/** The phones to add for `word`: the preferred one (if any) first, then the dictionary's, without repeats. */
export function pronunciationsFor(word: string, dictionary: readonly string[]): string[] {
  const preferred = PREFERRED_PRONUNCIATIONS[word];
  return preferred === undefined ? [...dictionary] : [...new Set([preferred, ...dictionary])];
}
