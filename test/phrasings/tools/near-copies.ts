/**
 * Near copies between held-out batches: two sentences say the same thing the same way when their words match once
 * case, punctuation, apostrophes and words that change nothing ("the", "please", "now") are dropped. A new batch with
 * such a copy of an earlier one measures what the team already learnt from, not how people talk.
 */
import { normalizeWords } from '../lib/household.js';

const CHANGES_NOTHING = new Set(['the', 'a', 'an', 'please', 'pls', 'plz', 'now', 'just']);

/** The words that make a sentence what it is: equal keys are near copies. */
export function sentenceKey(text: string): string {
  return normalizeWords(text)
    .replace(/'/g, '')
    .split(' ')
    .filter((word) => word !== '' && !CHANGES_NOTHING.has(word))
    .join(' ');
}
