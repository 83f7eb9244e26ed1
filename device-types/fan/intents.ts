/** HassFanSetSpeed: a fan's speed in percent ("full speed" → 100, "half speed" → 50). */
import { defineIntent, TARGET_SLOTS, weighted } from '../../hub/sdk/index.js';

const fan = '(fan|fans)';
const speed = '[speed]';
export const fanSetSpeed = defineIntent({
  targets: { domains: ['fan'], areaFromContext: true },
  slots: {
    name: TARGET_SLOTS.name,
    area: TARGET_SLOTS.area,
    floor: TARGET_SLOTS.floor,
    percentage: { list: 'percentage' },
  },
  cues: {
    actions: [
      'speed',
      { words: 'set', weight: 0.5 },
      ...weighted(0.25, 'turn', 'put'),
      { words: 'slow', weight: 0.5 },
      { words: 'speed up', weight: 0.75 },
    ],
    needsOneOf: ['percentage'],
    needsTarget: true,
  },
  sentences: [
    // Spoken: the common forms (the recogniser's grammar stays small); the rest typed.
    {
      sentences: [
        '(set|turn) <name> [speed] to {percentage} <percent>',
        '(set|turn) [the] fan speed [<where>] to {percentage} <percent>',
      ],
    },
    {
      spoken: false,
      sentences: [
        `(set|change|put|turn|adjust) [the] (speed of <name>|<name> speed) [<where>] to {percentage} <percent>`,
        `(set|change|put|turn|adjust|slow|speed up) <name> [<where>] [down|up] to {percentage} <percent> ${speed}`,
        `<name> [speed] [to|at] {percentage} <percent> ${speed}`,
        `(set|change|put|turn|adjust|slow|speed up) <all> [<the>] [<place>] ${fan} [<where>] [down|up] to {percentage} <percent> ${speed}`,
        `[<the>] [<place>] ${fan} [speed] [to|at] {percentage} <percent> ${speed} [<where>]`,
        `(set|change|put|turn) [the] fan speed [<where>] to {percentage} <percent>`,
        `fan speed [to|at] {percentage} <percent> [<where>]`,
      ],
    },
  ],
});
