/** HassVacuumStart: Starts the vacuum. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const vacuumStart = defineIntent({
  targets: { domains: ['vacuum'], areaFromContext: true },
  slots: { name: TARGET_SLOTS.name, area: TARGET_SLOTS.area, floor: TARGET_SLOTS.floor, domain: { fixed: ['vacuum'] } },
  sentences: [
    { sentences: ['(start|run|turn on|fire up|launch) <name>', '<name> (start|go|clean)', '(tell|have|ask) <name> to (clean|vacuum|start) [<where>]'], slots: { domain: 'vacuum' } },
    {
      sentences: [
        '(start|run|turn on|fire up|launch) [the|my] (vacuum|robot|hoover|roomba|vacuum cleaner|robot vacuum) [<where>]',
        '(vacuum|hoover|clean) [the] (floor|floors|house|home|place|carpet|carpets)',
        '(vacuum|hoover|clean) <area>',
        'start (cleaning|vacuuming|hoovering) [<where>]',
        '(time to|let us|go) (clean|vacuum) [<where>]',
        'send [the|my] (vacuum|robot|roomba) (to clean|cleaning|to work)',
        '(vacuum|robot) (start|go|clean) [<where>]',
      ],
      slots: { domain: 'vacuum' },
    },
  ],
});
