/** Turning things on and off, locking, opening and closing (Home Assistant's HassTurnOn/HassTurnOff/HassToggle). */
import type { IntentSentences } from '../../sentences.js';

export const onOff: IntentSentences[] = [
  {
    intent: 'HassTurnOn',
    data: [
      {
        sentences: [
          '<turn_on> <name> [<where>]',
          '<turn> <name> on [<where>]',
          '<name> on',
          '[<the>] {area} {name} on',
          '(activate|enable|start up) <name>',
          'i want [<the>] {name} on',
          'can we have [<the>] {name} on',
        ],
      },
      {
        sentences: [
          '<turn_on> <all> [<the>] <lights> [<where>]',
          '<turn_on> <all> [<the>] {area} <lights>',
          '<turn> <all> [<the>] [{area}] <lights> on [<where>]',
          '<lights> on [<where>]',
          '[<the>] {area} <lights> on',
          '[<the>] <lights> on [<where>] please',
          '(light up|brighten up|illuminate) <area>',
          'it is (too dark|dark) [<where>]',
          'i can not see [<where>]',
          'let there be light [<where>]',
          'give me [some] light [<where>]',
          'lights [<where>] on',
        ],
        slots: { domain: 'light' },
      },
      {
        sentences: ['<turn_on> <all> [<the>] (fan|fans) [<where>]', '<turn> [<the>] [{area}] (fan|fans) on [<where>]', '[<the>] [{area}] (fan|fans) on', 'start [<the>] [{area}] (fan|fans) [<where>]'],
        slots: { domain: 'fan' },
      },
      {
        sentences: ['lock <name>', 'lock up <name>', 'make sure <name> is locked', 'secure <name>', 'bolt <name>'],
        slots: { domain: 'lock' },
      },
      {
        sentences: ['lock <all> [<the>] doors [<where>]', 'lock up [the house|everything]', 'lock [all] the doors', 'lock everything [up]'],
        slots: { domain: 'lock' },
      },
      {
        sentences: ['open <name>', 'open up <name>', 'raise <name>', 'lift <name>', 'roll up <name>', 'pull up <name>', 'draw back <name>'],
        slots: { domain: 'cover' },
      },
      {
        sentences: ['(open|raise|roll up|pull up|draw back) <all> [<the>] {cover_class:device_class} [<where>]', '(open|raise) [<the>] {area} {cover_class:device_class}'],
        slots: { domain: 'cover' },
      },
    ],
  },
  {
    intent: 'HassTurnOff',
    data: [
      {
        sentences: ['<turn_off> <name> [<where>]', '<turn> <name> off [<where>]', '<name> off', '[<the>] {area} {name} off', '(deactivate|disable) <name>', 'i want [<the>] {name} off'],
      },
      {
        sentences: [
          '<turn_off> <all> [<the>] <lights> [<where>]',
          '<turn_off> <all> [<the>] {area} <lights>',
          '<turn> <all> [<the>] [{area}] <lights> off [<where>]',
          '<lights> off [<where>]',
          '[<the>] {area} <lights> off',
          '[<the>] <lights> off [<where>] please',
          'lights out [<where>]',
          '(make it|it is too) bright [<where>]',
          'darken <area>',
          'no more lights [<where>]',
          'lights [<where>] off',
        ],
        slots: { domain: 'light' },
      },
      {
        sentences: ['<turn_off> <all> [<the>] (fan|fans) [<where>]', '<turn> [<the>] [{area}] (fan|fans) off [<where>]', '[<the>] [{area}] (fan|fans) off', 'stop [<the>] [{area}] (fan|fans) [<where>]'],
        slots: { domain: 'fan' },
      },
      { sentences: ['unlock <name>', 'unbolt <name>', 'let me in [through] <name>'], slots: { domain: 'lock' } },
      { sentences: ['unlock <all> [<the>] doors [<where>]', 'unlock everything'], slots: { domain: 'lock' } },
      { sentences: ['close <name>', 'shut <name>', 'lower <name>', 'roll down <name>', 'pull down <name>'], slots: { domain: 'cover' } },
      {
        sentences: ['(close|shut|lower|roll down|pull down|draw) <all> [<the>] {cover_class:device_class} [<where>]', '(close|shut|lower) [<the>] {area} {cover_class:device_class}'],
        slots: { domain: 'cover' },
      },
    ],
  },
  {
    intent: 'HassToggle',
    data: [
      { sentences: ['toggle <name> [<where>]', 'flip <name>', 'switch <name> [over]', 'flick <name>'] },
      { sentences: ['toggle <all> [<the>] <lights> [<where>]', 'toggle [<the>] {area} <lights>', 'flip [<the>] [{area}] <lights> [<where>]'], slots: { domain: 'light' } },
    ],
  },
];
