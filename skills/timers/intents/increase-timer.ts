/** HassIncreaseTimer: Adds time to a timer. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS } from './slots.js';

export const increaseTimer = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  sentences: [
    {
      sentences: [
        'add <duration> [(to|onto) <my_timer>]',
        '(extend|increase|lengthen) <my_timer> by <duration>',
        'give me [another|an extra] <duration> [more] on <my_timer>',
        'put <duration> more on <my_timer>',
        '<duration> more (on|to) <my_timer>',
        'add <duration> to [the|my] {timer_name:name} <timer_word>',
      ],
    },
  ],
});
