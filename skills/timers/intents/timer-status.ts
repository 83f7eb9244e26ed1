/** HassTimerStatus: how long the timers have left. */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS, WHICH_TIMER as which } from './slots.js';

export const timerStatus = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  cues: {
    answers: true,
    actions: [
      'time left',
      'how long left',
      'how much time',
      'how much longer',
      'timer status',
      'how long timer',
      'timer left',
      'how much left',
      'left on timer',
      { words: 'remaining', weight: 0.75 },
      // Asked in the unit wanted back: "how many minutes are left", "seconds left on the egg timer?"
      'how many hours',
      'how many minutes',
      'how many mins',
      'how many seconds',
      'how many secs',
      'minutes left',
      'seconds left',
      'hours left',
      'how long until',
      'how long till',
      ...weighted(0.5, 'goes off', 'left', 'how long'),
      // Whether it still runs ("is the rice timer still going?").
      'still going',
      'still running',
      'still on',
    ],
    topics: ['timer', 'timers', 'countdown'],
  },
  sentences: [
    // Spoken: the common forms; the rest typed.
    {
      sentences: [
        'how much time is left [on <my_timer>]',
        'how long is left on <my_timer>',
        '<timer_word> status',
        '[how much] time left',
      ],
    },
    {
      spoken: false,
      sentences: [
        `how much time is (left|remaining) [on ${which}]`,
        `how (much longer|long) is (left|remaining) [on ${which}]`,
        `how (much longer|long) (on|for) ${which}`,
        `how (much longer|long) [is there] [left] (on|for) ${which}`,
        `how long until ${which} (goes off|is done|rings|ends|finishes)`,
        `(what is the|check [the]) (status|time) (of|on) ${which}`,
        '<timer_word> status',
        `how is ${which} (doing|going)`,
        'how much time do (i|we) have [left]',
        `when (will|does) ${which} (go off|end|ring|finish)`,
        '[how much] time left',
        'what timers (are there|do (i|we) have|are running)',
        '(is|are) there (a|any) (timer|timers) (on|running|going)',
      ],
    },
  ],
});
