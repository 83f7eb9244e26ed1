/** HassVacuumReturnToBase: Sends the vacuum back to its dock. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const vacuumReturnToBase = defineIntent({
  targets: { domains: ['vacuum'], areaFromContext: true },
  slots: { name: TARGET_SLOTS.name, area: TARGET_SLOTS.area, domain: { fixed: ['vacuum'] } },
  sentences: [
    { sentences: ['(send|take) <name> (home|back [home]|to [its|the] (base|dock|charger))', 'dock <name>', '<name> (go home|return [home]|dock)'], slots: { domain: 'vacuum' } },
    {
      sentences: [
        '(send|take) [the|my] (vacuum|robot|hoover|roomba) (home|back [home]|to [its|the] (base|dock|charger))',
        'return [the|my] (vacuum|robot|roomba) [to [its|the] (base|dock|charger)]',
        '(dock|park|recall) [the|my] (vacuum|robot|roomba)',
        '[the] (vacuum|robot|roomba) (go home|return [home]|dock|go back [to [the] dock])',
        'stop (vacuuming|cleaning) and go home',
      ],
      slots: { domain: 'vacuum' },
    },
  ],
});
