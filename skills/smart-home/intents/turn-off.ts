/** HassTurnOff: Switches a device off; closes a cover, unlocks a lock. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const turnOff = defineIntent({
  targets: { domains: [], areaFromContext: true },
  slots: { ...TARGET_SLOTS },
  sentences: [
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
});
