/** HassMediaUnpause: Resumes what was paused. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, where } from './slots.js';

export const unpause = defineIntent({
  targets: { domains: ['media_player'], areaFromContext: true },
  slots: MEDIA_SLOTS,
  sentences: [
    {
      sentences: [
        `(resume|unpause|continue) [the|my] [music|song|track|movie|show|playback|video|podcast] ${where}`,
        '(resume|unpause) <name>',
        `(keep|continue|start) playing ${where}`,
        `play (it|the music) again ${where}`,
        `(resume|continue) where (i|we) left off`,
        `(un pause|unmute) [the] [music|tv] ${where}`,
        `back to the (music|show|movie)`,
      ],
      slots: { domain: 'media_player' },
    },
  ],
});
