/** HassMediaPause: pauses what is playing. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, MEDIA_TARGETS, playing, where } from './slots.js';

export const pause = defineIntent({
  targets: MEDIA_TARGETS,
  slots: MEDIA_SLOTS,
  cues: {
    actions: [
      'pause',
      { words: 'stop', weight: 0.75, domains: ['media_player'] },
      { words: 'hold', weight: 0.5, domains: ['media_player'] },
      'freeze',
    ],
    // What is paused, said instead of its player ("pause what's on in the den", "hold the music").
    topics: ['what is on', 'what is playing', 'whatever is playing', 'whatever is on', 'music', 'song', 'track'],
    forAWhile: true,
  },
  sentences: [
    `pause [the|my|this|that] [${playing}] ${where}`,
    `pause <name> ${where}`,
    {
      spoken: false,
      sentences: [
        `(stop|hold|halt|freeze) (the|my|this|that) ${playing} ${where}`,
        `(hold on|wait|hang on) [a (sec|second|minute|moment)] [and] pause [it|that|the music]`,
        `put [the|my|this] [${playing}] on (hold|pause)`,
        `put <name> on (hold|pause)`,
        `(stop|quit) playing [the|my|this|that] [${playing}] ${where}`,
        `pause it ${where}`,
        // A bare "stop it" is HearthStop's (what rings); said with a player or room it is a pause.
        '(stop|halt) it (on|in|from|through) (<name>|<area>)',
        `(pause|stop) <name> for (a|one) (sec|second|minute|moment)`,
      ],
    },
    '(stop|hold) (the|my) (music|song|track|movie|show|playback|video|podcast)',
  ],
});
