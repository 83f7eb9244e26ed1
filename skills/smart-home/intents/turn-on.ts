/** HassTurnOn: Switches a device on; opens a cover, locks a lock, runs a scene or script. */
import { defineIntent, TARGET_SLOTS, weighted } from '../../../hub/sdk/index.js';

export const turnOn = defineIntent({
  targets: { domains: [], areaFromContext: true },
  slots: { ...TARGET_SLOTS, program: { list: 'program' } },
  // The words for one type's devices ("open" a cover, "unlock" a lock) are in its folder (`moreCues`).
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
      'wake up',
      // Said back on, or with a casual verb: "the heating back on", "chuck the telly on", "pop the kettle on".
      { words: 'back on', weight: 1 },
      ...weighted(1.25, 'turn back on', 'switch back on', 'put back on'),
      // Said of the thing as it moves: "can the kettle come on", "the hall light needs to go on".
      'come on',
      'go on',
      'chuck on',
      'stick on',
      'pop on',
      'bung on',
      'whack on',
      'throw on',
      'activate',
      'enable',
      // A kettle is switched on to boil: "boil the kettle".
      { words: 'boil', weight: 0.75 },
      { words: 'on', weight: 0.75 },
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
    { spoken: false, sentences: ['light [up] <name> [<where>]'], requires: { domain: 'light' } },
  ],
});
