import type { ActionCue } from '../../../hub/sdk/index.js';

/** The words a question about the time or date is wrapped in ("any idea what…", "do you know…"): weak cues. */
export const ASKING_WORDS: readonly ActionCue[] = [
  { words: 'any idea', weight: 0.25 },
  { words: 'tell me', weight: 0.25 },
  { words: 'remind me', weight: 0.25 },
  { words: 'do you know', weight: 0.25 },
];
