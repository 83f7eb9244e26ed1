/** HassMediaPrevious: goes back to the previous item. */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, MEDIA_TARGETS, where } from './slots.js';

const item = '(song|track|tune|episode|one|item|chapter|video)';
export const previous = defineIntent({
  targets: MEDIA_TARGETS,
  slots: MEDIA_SLOTS,
  cues: {
    actions: [
      'previous',
      'go back',
      'jump back',
      'skip back',
      // What played before this one ("the song before", "the track before that one").
      'one before',
      ...weighted(0.75, 'before this', 'before that'),
      { words: 'back', weight: 0.5 },
      'last one',
      { words: 'rewind', weight: 0.75 },
      'replay',
    ],
    topics: ['song', 'track', 'tune', 'episode', 'chapter', 'video', 'play'],
  },
  sentences: [
    `[play] [the] (previous|last|prior|one before) ${item} [again] ${where}`,
    `(go|skip|jump) back [a|one] [${item}] ${where}`,
    `(go|skip|jump) back to the (previous|last) ${item} ${where}`,
    `back (one|a) ${item} ${where}`,
    `replay (that|the last|the previous) ${item}`,
    `play that [${item}] again`,
    'previous [please]',
  ],
});
