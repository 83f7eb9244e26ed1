/** HassDecreaseTimer: takes time off a timer. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS, WHICH_TIMER as which } from './slots.js';

export const decreaseTimer = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  cues: {
    actions: [
      'take off timer',
      'remove from timer',
      'shorten timer',
      'less on timer',
      'minus timer',
      'knock off timer',
    ],
    needsOneOf: ['hours', 'minutes', 'seconds'],
  },
  sentences: [
    // Spoken: the common forms; the rest typed.
    {
      sentences: [
        '(take|remove) <duration> (off|from) <my_timer>',
        '(shorten|decrease|reduce) <my_timer> by <duration>',
      ],
    },
    {
      spoken: false,
      sentences: [
        `(take|remove|subtract|knock|cut|shave) <duration> (off|from) ${which}`,
        `(shorten|decrease|reduce|cut) ${which} by <duration>`,
        `<duration> less (on|for) ${which}`,
      ],
    },
    { sentences: ['(take|knock|shave) <duration> off [(the|my) timer]'], priority: 2 },
  ],
});
