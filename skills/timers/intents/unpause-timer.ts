/** HassUnpauseTimer: Resumes a paused timer. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS } from './slots.js';

export const unpauseTimer = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  sentences: [
    {
      sentences: ['(resume|unpause|continue|restart|unfreeze) <my_timer>', '(resume|unpause|continue) [the|my] {timer_name:name} <timer_word>', '(start|keep) <my_timer> (again|going|running)', 'let <my_timer> (run|continue)', '<timer_word> resume'],
    },
  ],
});
