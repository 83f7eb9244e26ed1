/** HassSetPosition: Moves a cover or valve to a position in percent. */
import { defineIntent, TARGET_SLOTS, weighted } from '../../hub/sdk/index.js';

export const coverSetPosition = defineIntent({
  targets: { domains: ['cover', 'valve'], areaFromContext: true },
  slots: { ...TARGET_SLOTS, position: { list: 'position' } },
  cues: {
    actions: [
      'position',
      ...weighted(0.5, 'set', 'move'),
      { words: 'put', weight: 0.25 },
      ...weighted(0.5, 'open', 'close', 'raise', 'lower'),
    ],
    needsOneOf: ['position'],
    needsTarget: true,
  },
  sentences: [
    {
      sentences: [
        '(set|move|put|open|close|raise|lower|adjust) <name> [position] to {position} <percent>',
        '(set|change|adjust) [the] position of <name> to {position} <percent>',
        '(open|close) <name> {position} <percent> [of the way]',
        '<name> [to] {position} <percent> (open|closed|position)',
      ],
    },
    {
      sentences: ['(open|close) <name> halfway', '(set|put|move) <name> (halfway|to half|half way)'],
      slots: { position: 50 },
    },
    {
      sentences: [
        '(set|move|put|open|close|raise|lower|adjust) <all> [<the>] {cover_class:device_class} [<where>] to {position} <percent>',
        '(set|move|put|open|close|raise|lower|adjust) [<the>] {area} {cover_class:device_class} to {position} <percent>',
        '(open|close) [<the>] {cover_class:device_class} [<where>] {position} <percent> [of the way]',
      ],
      slots: { domain: 'cover' },
    },
    {
      sentences: ['(open|close|set|put) [<the>] {cover_class:device_class} [<where>] (halfway|half way|to half)'],
      slots: { domain: 'cover', position: 50 },
    },
  ],
});
