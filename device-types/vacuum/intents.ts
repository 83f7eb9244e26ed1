/**
 * The robot vacuum's intents: HassVacuumStart starts it, HassVacuumReturnToBase sends it back to its dock (Home
 * Assistant's frames have no `domain`).
 */
import { defineIntent, TARGET_SLOTS } from '../../hub/sdk/index.js';

const robotToStart = '(vacuum|robot|hoover|roomba|vacuum cleaner|robot vacuum|robot hoover|hoovering robot)';
export const vacuumStart = defineIntent({
  targets: { domains: ['vacuum'], areaFromContext: true },
  slots: { name: TARGET_SLOTS.name, area: TARGET_SLOTS.area, floor: TARGET_SLOTS.floor },
  cues: {
    actions: [
      'vacuum',
      'hoover',
      'clean',
      'start',
      'run',
      { words: 'go', weight: 0.25 },
      'cleaning',
      'vacuuming',
      'hoovering',
      // Above HassTurnOn's 'turn on' when a vacuum is named: a vacuum switched on cleans (as the templates read it).
      { words: 'turn on', weight: 0.75 },
      { words: 'turn on', weight: 1.25, domains: ['vacuum'] },
      { words: 'switch on', weight: 1.25, domains: ['vacuum'] },
      { words: 'power on', weight: 1.25, domains: ['vacuum'] },
      { words: 'get on', weight: 0.5 },
      { words: 'get on', weight: 1, domains: ['vacuum'] },
      { words: 'get going', weight: 1.25, domains: ['vacuum'] },
      { words: 'set going', weight: 1.25, domains: ['vacuum'] },
      'sweep',
      'clean up',
      'cleanup',
      { words: 'do', weight: 0.25 },
    ],
    // What gets cleaned: understood, though it names no device ("clean the flat", "the floors need a clean").
    topics: [
      'house',
      'home',
      'flat',
      'apartment',
      'place',
      'floor',
      'floors',
      'carpet',
      'carpets',
      'rug',
      'rugs',
      'dust',
      'mess',
      'crumbs',
    ],
    // "Run the hoover for an hour": how long is understood and left out (Home Assistant's frame has none; the vacuum
    // cleans until it is done). "In an hour" or "at one" is for later and stays not understood.
    forAWhile: true,
  },
  sentences: [
    // Before "start <name>" of the other intents: a named vacuum starts cleaning.
    {
      sentences: [
        '(start|run|turn on|fire up|launch|activate|switch on) <name> [<where>]',
        '<name> (start|go|clean)',
        '(tell|have|ask|get) <name> to (clean|vacuum|hoover|start) [<where>]',
      ],
      priority: 1,
    },
    // Spoken: the common forms (the recogniser's grammar stays small and its sentences apart); the rest typed.
    '(start|run) [the|my] (vacuum|robot|hoover) [<where>]',
    '(vacuum|hoover|clean) [<the>] {area}',
    {
      spoken: false,
      sentences: [
        `(start|run|turn on|fire up|launch) [the|my] ${robotToStart} [<where>]`,
        '(vacuum|hoover|clean|sweep) [the] (floor|floors|house|home|place|carpet|carpets|rug|rugs)',
        '(vacuum|hoover|clean|sweep) [<the>] <place>',
        '(vacuum|hoover|clean) [the] (whole|entire) <place>',
        '(vacuum|hoover) <here>',
        'start (cleaning|vacuuming|hoovering) [<where>]',
        '(time to|let us|go) (clean|vacuum|hoover) [<where>]',
        `send [the|my] ${robotToStart} (to clean|cleaning|to work|off) [<where>]`,
        `${robotToStart} (start|go|clean) [<where>]`,
        `(tell|have|ask|get) [the|my] ${robotToStart} to (clean|vacuum|hoover|start|do) [<the>] [<place>]`,
        '(tell|have|ask|get) <name> to do [<the>] [<place>]',
        // The robot sent out, let loose, set to work, named by its name or what it is
        `(have|let|make) (<name>|[the|my] ${robotToStart}) (clean|vacuum|hoover|do) [<the>] [<place>]`,
        `(send|let) (<name>|[the|my] ${robotToStart}) (out|loose) [to (clean|work)] [<where>|<area>]`,
        `(set|put) (<name>|[the|my] ${robotToStart}) to work [<where>]`,
      ],
    },
  ],
});

const robotToDock = '(vacuum|robot|hoover|roomba|vacuum cleaner|robot vacuum)';
const home =
  '(home|back [home]|to [(its|his|her|the)] (base|dock|charger|station)|back to [(its|his|her|the)] (base|dock|charger|station))';
/** HassVacuumReturnToBase: sends the vacuum back to its dock. */
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
        `(send|take|tell) [the|my] ${robotToDock} [to go] ${home}`,
        `return [the|my] ${robotToDock} [to [its|the] (base|dock|charger)]`,
        `(dock|park|recall) [the|my] ${robotToDock}`,
        `[the] ${robotToDock} (go home|return [home]|dock|go back [to [the] (dock|base)])`,
        `stop (vacuuming|cleaning|hoovering) and (go|return) ${home}`,
      ],
    },
  ],
});
