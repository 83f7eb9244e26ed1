/** HassMediaPrevious: Goes back to the previous item. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, where } from './slots.js';

export const previous = defineIntent({
  targets: { domains: ['media_player'], areaFromContext: true },
  slots: MEDIA_SLOTS,
  sentences: [
    {
      sentences: [
        `[play] [the] (previous|last|prior) (song|track|tune|episode|one) [again] ${where}`,
        `go back [a|one] (song|track|episode)`,
        `go back to the (previous|last) (song|track|episode|one)`,
        `back [one|a] (song|track)`,
        `replay (that|the last) (song|track)`,
        `play that [song|track] again`,
        `previous`,
      ],
      slots: { domain: 'media_player' },
    },
  ],
});
