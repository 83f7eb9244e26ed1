/** HassDecreaseTimer: Takes time off a timer. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS } from './slots.js';

export const decreaseTimer = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  sentences: [
    {
      sentences: [
        '(take|remove|subtract|knock|cut) <duration> (off|from) <my_timer>',
        '(shorten|decrease|reduce) <my_timer> by <duration>',
        '<duration> less (on|for) <my_timer>',
        '(take|remove|subtract|knock) <duration> (off|from) [the|my] {timer_name:name} <timer_word>',
      ],
    },
  ],
});
