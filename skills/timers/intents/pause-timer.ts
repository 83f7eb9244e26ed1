/** HassPauseTimer: pauses a timer. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS, WHICH } from './slots.js';

const pause = '(pause|hold|freeze|suspend|stop for now)';
export const pauseTimer = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  cues: { actions: ['pause timer', 'hold timer', 'freeze timer'], forAWhile: true },
  sentences: [
    '(pause|hold) <my_timer>',
    '<timer_word> pause',
    {
      spoken: false,
      sentences: [
        `${pause} <my_timer>`,
        ...WHICH.map((which) => `${pause} ${which}`),
        'put <my_timer> on (hold|pause)',
      ],
    },
  ],
});
