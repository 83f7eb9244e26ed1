/**
 * How well the decoded words fit the audio, measured against a free-phone pass over the same audio, so the number
 * does not depend on the grammar's size: only the sounds are compared (acoustic scores), never what the grammar's
 * branching costs. Talk that is no command lands on the nearest sentence in two ways, both caught here: words that
 * match the sounds badly (a low `fit`), or a short sentence with the rest of the speech swallowed by fillers
 * ([SPEECH], [NOISE]) — a low `coverage`.
 */
import type { Segment } from './pocketsphinx-library.js';
import type { Fit } from './types.js';

const SILENCE = new Set(['<s>', '</s>', '<sil>']);
/** Silence, noise and speech fillers, and the decoder's null transitions ("(NULL)"). */
const isFiller = (word: string) => /^[<[(]/.test(word);

/** Segments of a pass with frames counted from its first (the decoder numbers frames on from the previous pass). */
function fromZero(segments: readonly Segment[]): Segment[] {
  const first = segments[0]?.start ?? 0;
  return segments.map((s) => ({ ...s, start: s.start - first, end: s.end - first }));
}

export function fitOverPhones(decoded: readonly Segment[], freePhones: readonly Segment[]): Fit {
  const words = fromZero(decoded);
  const phones = fromZero(freePhones);
  const last = Math.max(0, ...phones.map((s) => s.end), ...words.map((s) => s.end));
  const phoneScore = new Float64Array(last + 1);
  const speech = new Uint8Array(last + 1);
  for (const s of phones) {
    const length = s.end - s.start + 1;
    if (s.word.startsWith('(')) continue;
    for (let f = s.start; f <= s.end; f++) {
      phoneScore[f] = s.acoustic / length;
      speech[f] = SILENCE.has(s.word) ? 0 : 1;
    }
  }
  let wordFrames = 0;
  let covered = 0;
  let lead = 0;
  const each: NonNullable<Fit['words']> = [];
  for (const s of words) {
    if (isFiller(s.word)) continue;
    let phonesHere = 0;
    for (let f = s.start; f <= s.end; f++) {
      phonesHere += phoneScore[f]!;
      covered += speech[f]!;
    }
    const frames = s.end - s.start + 1;
    wordFrames += frames;
    lead += s.acoustic - phonesHere;
    each.push({ word: s.word, fit: (s.acoustic - phonesHere) / frames, frames });
  }
  const speechFrames = speech.reduce((a, b) => a + b, 0);
  return {
    fit: wordFrames === 0 ? -Infinity : lead / wordFrames,
    coverage: speechFrames === 0 ? 0 : covered / speechFrames,
    uncovered: speechFrames - covered,
    worstWord: Math.min(...each.map((w) => w.fit)),
    words: each,
  };
}
