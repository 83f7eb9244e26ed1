/** HassMediaPause: Pauses what is playing. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, where } from './slots.js';

export const pause = defineIntent({
  targets: { domains: ['media_player'], areaFromContext: true },
  slots: MEDIA_SLOTS,
  sentences: [
    {
      sentences: [
        `pause [the|my] [music|song|track|movie|show|playback|video|podcast] ${where}`,
        'pause <name>',
        `(stop|hold) (the|my) (music|song|track|movie|show|playback|video|podcast) ${where}`,
        `(hold on|wait) pause [it|that|the music]`,
        `put [the] (music|song|movie|show) on (hold|pause)`,
        `mute the music ${where}`,
        `stop playing ${where}`,
        `pause it ${where}`,
      ],
      slots: { domain: 'media_player' },
    },
  ],
});
