import { type ActionCue, type IntentCues, weighted } from '../../../hub/sdk/index.js';

/** The words a question about the time or date is wrapped in ("any idea what…", "do you know…"): weak cues. */
const ASKING_WORDS = weighted(0.25, 'any idea', 'tell me', 'remind me', 'do you know', 'happen to know', 'you know');

/**
 * Cues of a question asked in other words ("any idea what time it is", "remind me what day it is"): its own phrases
 * and the asking words, read only when nothing else is said. Phrases, not single words: a single cue word counts
 * against every other intent that leaves it unexplained.
 */
export function askedInOtherWords(phrases: readonly ActionCue[]): IntentCues {
  return { answers: true, alone: true, actions: [...phrases, ...ASKING_WORDS] };
}
