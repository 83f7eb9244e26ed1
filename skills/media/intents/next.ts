/** HassMediaNext: Skips to the next item. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, where } from './slots.js';

export const next = defineIntent({
  targets: { domains: ['media_player'], areaFromContext: true },
  slots: MEDIA_SLOTS,
  sentences: [
    {
      sentences: [
        `[play] [the] next (song|track|tune|episode|one|item) ${where}`,
        `skip [this|the] [song|track|tune|episode|one] ${where}`,
        `(go|jump) to the next (song|track|episode|one)`,
        `skip ahead`,
        `(next|skip) please`,
        `i (do not|can not) (like|stand) this (song|track|one)`,
        `(next|skip) [it|that]`,
        `(play something else|change the song)`,
      ],
      slots: { domain: 'media_player' },
    },
  ],
});
