/** HassMediaUnpause: resumes what was paused. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, MEDIA_TARGETS, playing, where } from './slots.js';

export const unpause = defineIntent({
  targets: MEDIA_TARGETS,
  slots: MEDIA_SLOTS,
  cues: {
    actions: [
      'resume',
      'unpause',
      'un pause',
      'keep playing',
      'continue playing',
      { words: 'continue', weight: 0.75 },
      { words: 'carry on', weight: 0.75 },
    ],
  },
  sentences: [
    `(resume|unpause|un pause|continue|restart) [the|my|this|that] [${playing}] ${where}`,
    `(resume|unpause|un pause) <name> ${where}`,
    {
      spoken: false,
      sentences: [
        `(keep|continue|start|go on) playing [the ${playing}] ${where}`,
        `play (it|the ${playing}) again ${where}`,
        `(resume|continue|carry on) [from] where (i|we) (left off|stopped|paused)`,
        `back to the ${playing}`,
        `(take|get) [the] ${playing} off (pause|hold)`,
        `carry on [playing] ${where}`,
      ],
    },
    '(keep|continue) playing',
  ],
});
