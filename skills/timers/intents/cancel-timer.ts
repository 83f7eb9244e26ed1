/** HassCancelTimer: Cancels a timer. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS } from './slots.js';

export const cancelTimer = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  sentences: [
    {
      sentences: [
        '(cancel|stop|delete|remove|kill|end|clear) <my_timer>',
        '(cancel|stop|delete|remove|end|clear) [all] [the|my] (timers|countdowns)',
        '(cancel|stop|delete|remove) [the|my] {timer_name:name} <timer_word>',
        '(turn off|shut off|switch off) <my_timer>',
        'never mind [about] <my_timer>',
        '(i do not|we do not) need <my_timer> [anymore]',
        '<timer_word> (off|stop|cancel)',
      ],
    },
  ],
});
