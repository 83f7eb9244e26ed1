/** HassTurnOn: Switches a device on; opens a cover, locks a lock, runs a scene or script. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const turnOn = defineIntent({
  targets: { domains: [], areaFromContext: true },
  slots: { ...TARGET_SLOTS },
  sentences: [
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
});
