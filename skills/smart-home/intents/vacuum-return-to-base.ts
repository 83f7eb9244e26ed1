/** HassVacuumReturnToBase: sends the vacuum back to its dock (Home Assistant's frame has no `domain`). */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

const robot = '(vacuum|robot|hoover|roomba|vacuum cleaner|robot vacuum)';
const home =
  '(home|back [home]|to [(its|his|her|the)] (base|dock|charger|station)|back to [(its|his|her|the)] (base|dock|charger|station))';
export const vacuumReturnToBase = defineIntent({
  targets: { domains: ['vacuum'], areaFromContext: true },
  slots: { name: TARGET_SLOTS.name, area: TARGET_SLOTS.area },
  cues: {
    actions: [
      'dock',
      'go home',
      'return',
      'go back',
      'base',
      'charger',
      'send home',
      'send back',
      'home',
      { words: 'back', weight: 0.5 },
      'recall',
      'park',
    ],
  },
  sentences: [
    {
      sentences: [
        `(send|take|tell) <name> [to go] ${home}`,
        'dock <name>',
        `<name> (go home|return [home]|dock|go back [to [the] (dock|base)])`,
      ],
      priority: 1,
    },
    // Spoken: the common forms (the recogniser's grammar stays small and its sentences apart); the rest typed.
    '(send|take) [the|my] (vacuum|robot|hoover) (home|back [home]|to [its|the] (base|dock|charger))',
    {
      spoken: false,
      sentences: [
        `(send|take|tell) [the|my] ${robot} [to go] ${home}`,
        `return [the|my] ${robot} [to [its|the] (base|dock|charger)]`,
        `(dock|park|recall) [the|my] ${robot}`,
        `[the] ${robot} (go home|return [home]|dock|go back [to [the] (dock|base)])`,
        `stop (vacuuming|cleaning|hoovering) and (go|return) ${home}`,
      ],
    },
  ],
});
