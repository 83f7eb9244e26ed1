/** HassIncreaseTimer: adds time to a timer (`hours`/`minutes`/`seconds`: how much; `start_*`, name or area: which). */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS, WHICH_TIMER as which } from './slots.js';

export const increaseTimer = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  cues: {
    actions: [
      'add timer',
      'extend timer',
      // "Five more minutes on the timer": more than a timer of five minutes, time added to one.
      ...weighted(1.5, 'more on timer', 'extra on timer'),
      // "Give the cake timer five more minutes": the timer first, the time after it.
      ...weighted(1.5, 'give timer more', 'give timer extra', 'give timer another'),
      ...weighted(1, 'timer more', 'timer extra', 'timer another', 'timer plus'),
    ],
    needsOneOf: ['hours', 'minutes', 'seconds'],
  },
  sentences: [
    // Spoken: the common forms (a timer picked by length, or the last one); the rest typed.
    {
      sentences: [
        'add <duration> [(to|onto) <my_timer>]',
        '(extend|increase) <my_timer> by <duration>',
        '<duration> more on <my_timer>',
      ],
    },
    {
      spoken: false,
      sentences: [
        `(add|put) [another|an extra|a further] <duration> [more] [(to|onto|on) ${which}]`,
        `(extend|increase|lengthen) ${which} by <duration>`,
        // Without the timer named, "give me another ten minutes" is a snooze (HearthSnooze).
        `give me [another|an extra] <duration> [more] on ${which}`,
        `<duration> more (on|to|for) ${which}`,
        `(put|stick) [another|an extra] <duration> on ${which}`,
        // Said while the timer runs, without naming it ("put another five minutes on").
        '(put|stick) (another|an extra) <duration> on',
      ],
    },
  ],
});
