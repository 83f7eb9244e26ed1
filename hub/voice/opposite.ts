/**
 * The opposite reading of a command whose meaning hangs on one short word: "turn on" / "turn off", "lock" /
 * "unlock", "open" / "close" (and "toggle", which espeak's "turn off" is often heard as). A recogniser that swaps that
 * word does the opposite of what was asked, so before acting the readings are compared on the audio
 * (RecognitionResult.lead).
 */
const PAIRS: readonly (readonly [string, string])[] = [
  ['on', 'off'],
  ['lock', 'unlock'],
  ['open', 'close'],
];
const SWAP = new Map<string, string>(PAIRS.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]));

/**
 * Other readings of a transcript that would do otherwise: its one deciding word swapped ("turn on" for "turn off"),
 * or for "toggle …" (which flips whatever the state is) "turn on …" and "turn off …". Empty when it has no deciding
 * word or more than one.
 */
export function opposites(transcript: string): string[] {
  const words = transcript.split(' ');
  if (flipsWhateverItIs(transcript)) {
    const rest = words.slice(1).join(' ');
    return [`turn on ${rest}`, `turn off ${rest}`];
  }
  const at = words.flatMap((w, i) => (SWAP.has(w) ? [i] : []));
  if (at.length !== 1) return [];
  words[at[0]!] = SWAP.get(words[at[0]!]!)!;
  return [words.join(' ')];
}

/** "toggle …": does the opposite of whatever the state is, so what it does cannot be checked against what was said. */
export function flipsWhateverItIs(transcript: string): boolean {
  return /^toggle \S/.test(transcript);
}
