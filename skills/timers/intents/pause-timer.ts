/** HassPauseTimer: Pauses a timer. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS } from './slots.js';

export const pauseTimer = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  sentences: [
    { sentences: ['(pause|hold|freeze|suspend) <my_timer>', '(pause|hold) [the|my] {timer_name:name} <timer_word>', 'put <my_timer> on (hold|pause)', '<timer_word> pause'] },
  ],
});
