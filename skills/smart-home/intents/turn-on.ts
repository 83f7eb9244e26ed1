/** HassTurnOn: Switches a device on; opens a cover, locks a lock, runs a scene or script. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';
import { classBlocks } from './class-words.js';

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
    // Appliances: a programme ("run the dishwasher on eco"), a coffee.
    '(start|run) <name> on {program}',
    {
      spoken: false,
      sentences: [
        '(start|run|put on|switch on|turn on) <name> (on|with|using|in) [the|a|an] {program} [programme|program|cycle|setting|mode|wash]',
        '(start|run|do|put on) [a|an] {program} (wash|cycle|programme|program) (on|in) <name>',
      ],
    },
    // A drink asked for without naming the machine starts the household's coffee machine. An ordering skill the
    // household installs takes precedence for the sentences it declares ("i'd like a latte"); these keep the rest.
    { sentences: ['make [me] a coffee'], slots: { domain: 'appliance', device_class: 'coffee_machine' } },
    {
      spoken: false,
      sentences: [
        '(make|brew|prepare|fix|pour|get) [me|us] [a|an|some|my] [cup of|mug of|fresh|morning|nice] (coffee|cup of coffee|brew)',
        '(make|brew|prepare|fix|pour) [me|us] [a|an|some|my] {program}',
        '(it is|time for) [a] coffee time',
        '(can i have|could i have|i would like|i want|i need|i could use) [a|an|some|my] [cup of|mug of|fresh] (coffee|espresso|cappuccino|latte|cup of coffee)',
        '(start|turn on|switch on|fire up) [the] (coffee|coffee maker|coffee machine|espresso machine)',
      ],
      slots: { domain: 'appliance', device_class: 'coffee_machine' },
    },
    ...classBlocks('<turn_on>', 'on'),
    {
      sentences: [
        '(light up|brighten up|illuminate) <area>',
        'let there be light [<where>]',
        '(give me|i need|i want|can i have|can we have|could i have) [some] (light|lights) [<where>]',
      ],
      slots: { domain: 'light' },
    },
    {
      spoken: false,
      sentences: [
        'it is (too dark|dark|so dark|very dark|pitch black) [<where>]',
        'i can not see [a thing|anything] [<where>]',
      ],
      slots: { domain: 'light' },
      priority: -1,
    },
    // A named lock, cover or valve: Home Assistant's frame is the name alone.
    {
      sentences: ['(lock|lock up|secure|bolt) <name>', 'make sure <name> is (locked|locked up)'],
      requires: { domain: 'lock' },
    },
    { sentences: ['(open|open up|raise|lift|roll up|pull up|draw back|extend) <name>'], requires: { domain: 'cover' } },
    {
      sentences: [
        'lock <all> [<the>] doors [<where>]',
        'lock up [the house|everything|for the night]',
        'lock everything [up]',
        'lock (all|every) [the] (door|doors|locks)',
      ],
      slots: { domain: 'lock' },
    },
    {
      sentences: [
        '(open|raise|roll up|pull up|draw back|lift) <all> [<the>] [<place>] {cover_class:device_class} [<where>]',
      ],
      slots: { domain: 'cover' },
    },
    {
      spoken: false,
      sentences: ['[<all>] [<the>] [<place>] {cover_class:device_class} [<where>] (open|up) [<where>]'],
      slots: { domain: 'cover' },
    },
  ],
});
