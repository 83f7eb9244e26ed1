/** HassTurnOn: Switches a device on; opens a cover, locks a lock, runs a scene or script. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const turnOn = defineIntent({
  targets: { domains: [], areaFromContext: true },
  slots: { ...TARGET_SLOTS, program: { list: 'program' } },
  cues: {
    actions: [
      'turn on',
      'switch on',
      'power on',
      'put on',
      'flip on',
      'flick on',
      // "toggle it on" says which way: above HassToggle's 'toggle'.
      { words: 'toggle on', weight: 1.25 },
      // Setting something going: "set the coffee maker running", "get the lights on".
      'set running',
      'set going',
      'get going',
      { words: 'get on', weight: 0.75 },
      'start up',
      'fire up',
      'boot up',
      'activate',
      'enable',
      { words: 'on', weight: 0.75 },
      { words: 'open', domains: ['cover', 'valve'] },
      { words: 'raise', domains: ['cover'] },
      { words: 'lift', domains: ['cover'] },
      { words: 'roll up', domains: ['cover'] },
      { words: 'pull up', domains: ['cover'] },
      { words: 'draw back', domains: ['cover'] },
      { words: 'extend', domains: ['cover'] },
      { words: 'up', weight: 0.5, domains: ['cover'] },
      { words: 'lock', domains: ['lock'] },
      { words: 'lock up', domains: ['lock'] },
      { words: 'secure', domains: ['lock'] },
      { words: 'bolt', domains: ['lock'] },
      { words: 'start', domains: ['appliance', 'fan', 'switch', 'scene', 'script', 'climate', 'media_player'] },
      { words: 'run', domains: ['appliance', 'scene', 'script'] },
      { words: 'light up', domains: ['light'] },
    ],
    needsTarget: true,
    bareNameOf: ['scene', 'script'],
  },
  sentences: [
    '<turn_on> <name> [<where>]',
    '<turn> <name> on [<where>]',
    '<name> [<where>] on',
    '[<the>] <place> {name} on',
    '(activate|enable|start up|fire up|boot up) <name> [<where>]',
    '(i want|i would like|i need|can (i|we) have|can (i|we) get) [<the>] {name} on',
    '(start|run) <name>',
    // Appliances: a programme ("run the dishwasher on eco"); the types add their own words (device-types/<type>/).
    '(start|run) <name> on {program}',
    {
      spoken: false,
      sentences: [
        '(start|run|put on|switch on|turn on) <name> (on|with|using|in) [the|a|an] {program} [programme|program|cycle|setting|mode|wash]',
        '(start|run|do|put on) [a|an] {program} (wash|cycle|programme|program) (on|in) <name>',
      ],
    },
  ],
});
