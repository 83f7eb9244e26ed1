/** HassTimerStatus: Says how long the timers have left. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS } from './slots.js';

export const timerStatus = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  sentences: [
    {
      sentences: [
        'how much time is (left|remaining) [on <my_timer>]',
        'how (much longer|long) is (left|remaining) [on <my_timer>]',
        'how (much longer|long) (on|for) <my_timer>',
        'how long until <my_timer> (goes off|is done|rings|ends)',
        '(what is the|check [the]) (status|time) (of|on) <my_timer>',
        '<timer_word> status',
        'how is <my_timer> (doing|going)',
        'how much time do (i|we) have left',
        'when (will|does) <my_timer> (go off|end|ring|finish)',
        'how long (is|are) left on [the|my] {timer_name:name} <timer_word>',
      ],
    },
  ],
});
