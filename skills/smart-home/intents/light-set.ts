/** HassLightSet: Sets the brightness or colour of lights. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const lightSet = defineIntent({
  targets: { domains: ['light'], areaFromContext: true },
  slots: { name: TARGET_SLOTS.name, area: TARGET_SLOTS.area, floor: TARGET_SLOTS.floor, domain: { fixed: ['light'] }, brightness: { list: 'brightness' }, color: { list: 'color' } },
  sentences: [
    {
      sentences: [
        '(set|change|put|turn|adjust|make) [the] brightness [of] <name> to {brightness} <percent>',
        '(set|dim|brighten|turn|put|change|adjust) <name> [brightness] to {brightness} <percent> [brightness]',
        '<name> [brightness] [to] {brightness} <percent>',
        '(dim|brighten) <name> [down|up] to {brightness} <percent>',
      ],
    },
    {
      sentences: [
        '(set|dim|brighten|turn|put|change|adjust) <all> [<the>] <lights> [<where>] to {brightness} <percent> [brightness]',
        '(set|dim|brighten|turn|put|change|adjust) [<the>] {area} <lights> to {brightness} <percent> [brightness]',
        '(set|change|put|turn|adjust) [the] brightness [<where>] to {brightness} <percent>',
        '(set|change|put|turn|adjust) [the] brightness of [<the>] <lights> [<where>] to {brightness} <percent>',
        '[<the>] <lights> [<where>] [to|at] {brightness} <percent> [<where>]',
        'brightness {brightness} <percent> [<where>]',
        '(dim|brighten) [<the>] <lights> [<where>] [down|up] to {brightness} <percent>',
      ],
      slots: { domain: 'light' },
    },
    {
      sentences: ['(make|turn|set|change|paint) <name> [to] [the color] {color}', '<name> [to] {color}', '(color|colour) <name> {color}'],
    },
    {
      sentences: [
        '(make|turn|set|change|switch) <all> [<the>] <lights> [<where>] [to] [the color] {color}',
        '(make|turn|set|change|switch) [<the>] {area} <lights> [to] {color}',
        '[<the>] <lights> [<where>] [to] {color} [please]',
        '{color} <lights> [<where>]',
        '(make|turn) it {color} [<where>]',
      ],
      slots: { domain: 'light' },
    },
  ],
});
