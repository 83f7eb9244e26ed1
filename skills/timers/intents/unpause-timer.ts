/** HassUnpauseTimer: resumes a paused timer. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS, WHICH } from './slots.js';

const resume = '(resume|unpause|continue|restart|unfreeze|carry on)';
export const unpauseTimer = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  cues: { actions: ['resume timer', 'unpause timer', 'continue timer', 'restart timer'] },
  sentences: [
    { sentences: ['(resume|unpause|continue|restart) <my_timer>'] },
    {
      spoken: false,
      sentences: [
        `${resume} <my_timer>`,
        ...WHICH.map((which) => `${resume} ${which}`),
        '(start|keep) <my_timer> (again|going|running)',
        'let <my_timer> (run|continue|carry on)',
        '<timer_word> resume',
        '(take|get) <my_timer> off (hold|pause)',
      ],
    },
  ],
});
