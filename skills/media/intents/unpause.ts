/** HassMediaUnpause: resumes what was paused. */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
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
      'carry on',
      'where i left off',
      'where we left off',
      { words: 'pick up', weight: 0.25 },
      // What was playing had again: "start the music again", "put the radio back on", "get the music going again".
      'start again',
      'going again',
      ...weighted(0.75, 'put back on', 'turn back on', 'back on'),
      { words: 'again', weight: 0.5 },
    ],
    // What is carried on ("carry on with my book"): understood, it names nothing new to play.
    topics: [
      'with my book',
      'with the book',
      'my book',
      'the book',
      'audiobook',
      'podcast',
      'episode',
      'music',
      'song',
      'track',
      'radio',
      'playing',
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
