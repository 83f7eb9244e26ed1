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

/**
 * Closed-class words that join a command's parts and mean nothing to it. Their dictionary variants are weak or
 * strong forms ("that(2)" DH AH T, "to(3)" T AH, "the(2)" DH IY, "a(2)" EY) that sound like one another, so with the
 * variants a search swaps them ("turn on that kitchen light" for "the"); only their first pronunciation is taught.
 * Words that carry a command (on, off, up, down) keep theirs.
 */
const ONE_PRONUNCIATION_WORDS: ReadonlySet<string> = new Set(
  [
    ['a', 'an', 'the', 'this', 'that', 'these', 'those', 'my', 'your', 'our', 'their', 'its', 'some', 'any'],
    ['to', 'for', 'of', 'in', 'at', 'by', 'with', 'from', 'into', 'onto', 'as'],
    ['and', 'or', 'but', 'than', 'then'],
    ['is', 'are', 'was', 'were', 'be', 'been', 'am', 'do', 'does', 'can', 'could', 'would', 'will', 'shall', 'should'],
    ['it', 'me', 'you', 'us', 'them', 'him', 'her', 'i', 'we', 'they'],
  ].flat(),
);

/** The phones to add for `word`: the preferred one (if any) first, then the dictionary's, without repeats. */
export function pronunciationsFor(word: string, dictionary: readonly string[]): string[] {
  if (ONE_PRONUNCIATION_WORDS.has(word)) return dictionary.slice(0, 1);
  const preferred = PREFERRED_PRONUNCIATIONS[word];
  return preferred === undefined ? [...dictionary] : [...new Set([preferred, ...dictionary])];
}
