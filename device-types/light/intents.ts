/**
 * HassLightSet: the brightness or colour of lights. Home Assistant's frame has no `domain` (the intent is about
 * lights); "brighter"/"dimmer" carry Hearth's `brightness_step` (`up`/`down`, or signed percent), stepped by the skill.
 */
import { defineIntent, TARGET_SLOTS, weighted } from '../../hub/sdk/index.js';

const to = '(to|at|on)';
const COLOUR_WORDS = ['colour', 'color', 'hue', 'shade'];
export const lightSet = defineIntent({
  targets: { domains: ['light'], areaFromContext: true },
  slots: {
    name: TARGET_SLOTS.name,
    area: TARGET_SLOTS.area,
    floor: TARGET_SLOTS.floor,
    brightness: { list: 'brightness' },
    color: { list: 'color' },
    brightness_step: { list: 'brightness_step' },
  },
  cues: {
    actions: [
      'brightness',
      ...weighted(0.5, 'set', 'change', 'turn'),
      ...weighted(0.25, 'make', 'put'),
      // The colour named without saying which: the skill asks "Which colour?".
      ...COLOUR_WORDS.map((words) => ({ words, weight: 0.5, asksFor: 'color' })),
      ...COLOUR_WORDS.flatMap((colour) =>
        ['different', 'another', 'new', 'other', 'change', 'pick', 'choose'].map((word) => ({
          words: `${word} ${colour}`,
          asksFor: 'color',
        })),
      ),
      ...COLOUR_WORDS.map((colour) => ({ words: `${colour} change`, asksFor: 'color' })),
      { words: 'switch', weight: 0.25 },
      { words: 'bright', weight: 0.5, slots: { brightness_step: 'up' } },
      { words: 'brighter', slots: { brightness_step: 'up' } },
      { words: 'brighten', slots: { brightness_step: 'up' } },
      { words: 'dimmer', slots: { brightness_step: 'down' } },
      { words: 'dim', slots: { brightness_step: 'down' } },
      { words: 'darker', slots: { brightness_step: 'down' } },
      { words: 'darken', slots: { brightness_step: 'down' } },
      // A remark about the light in the room: "it's too bright in here", "it's a bit dark".
      { words: 'too bright', slots: { brightness_step: 'down' } },
      { words: 'not so bright', slots: { brightness_step: 'down' } },
      { words: 'less bright', slots: { brightness_step: 'down' } },
      { words: 'too dark', slots: { brightness_step: 'up' } },
      { words: 'too dim', slots: { brightness_step: 'up' } },
      { words: 'dark', weight: 0.75, slots: { brightness_step: 'up' } },
      { words: 'more light', slots: { brightness_step: 'up' } },
      { words: 'more lights', slots: { brightness_step: 'up' } },
      { words: 'more lighting', slots: { brightness_step: 'up' } },
      { words: 'low lighting', slots: { brightness_step: 'down' } },
      { words: 'low light', slots: { brightness_step: 'down' } },
      { words: 'minimise', domains: ['light'], slots: { brightness_step: 'down' } },
      { words: 'minimize', domains: ['light'], slots: { brightness_step: 'down' } },
      { words: 'maximise', domains: ['light'], slots: { brightness_step: 'up' } },
      { words: 'maximize', domains: ['light'], slots: { brightness_step: 'up' } },
      { words: 'less light', slots: { brightness_step: 'down' } },
      { words: 'turn up', domains: ['light'], slots: { brightness_step: 'up' } },
      { words: 'turn down', domains: ['light'], slots: { brightness_step: 'down' } },
      { words: 'up', weight: 0.5, domains: ['light'], slots: { brightness_step: 'up' } },
      { words: 'down', weight: 0.5, domains: ['light'], slots: { brightness_step: 'down' } },
      { words: 'raise', domains: ['light'], slots: { brightness_step: 'up' } },
      { words: 'lower', domains: ['light'], slots: { brightness_step: 'down' } },
      { words: 'increase', domains: ['light'], slots: { brightness_step: 'up' } },
      { words: 'decrease', domains: ['light'], slots: { brightness_step: 'down' } },
      { words: 'reduce', domains: ['light'], slots: { brightness_step: 'down' } },
      { words: 'bump up', domains: ['light'], slots: { brightness_step: 'up' } },
    ],
    needsOneOf: ['brightness', 'color', 'brightness_step'],
  },
  sentences: [
    '(set|change|put|turn|adjust|make) [the] brightness [of] <name> [<where>] to {brightness} <percent>',
    '(set|dim|brighten|turn|put|change|adjust|bring) <name> [<where>] [brightness] [down|up] to {brightness} <percent> [brightness]',
    '<name> [brightness] [to|at] {brightness} <percent> [brightness]',
    '(set|dim|brighten|turn|put|change|adjust|bring) <all> [<the>] <lights> [<where>] [down|up] to {brightness} <percent> [brightness]',
    '(set|dim|brighten|turn|put|change|adjust|bring) [<the>] {area} <lights> [down|up] to {brightness} <percent> [brightness]',
    '(set|change|put|turn|adjust) [the] brightness [<where>] to {brightness} <percent>',
    '(set|change|put|turn|adjust) [the] brightness of [<the>] <lights> [<where>] to {brightness} <percent>',
    `[<the>] <lights> [<where>] ${to} {brightness} <percent> [brightness] [<where>]`,
    '[<the>] {area} <lights> [to|at] {brightness} <percent> [brightness]',
    'brightness [to|at] {brightness} <percent> [<where>]',
    '(make|turn|set|change|paint) <name> [to] [the color] {color}',
    '<name> [to] {color}',
    '(color|colour) <name> {color}',
    '(make|turn|set|change|switch) <all> [<the>] <lights> [<where>] [to] [the color] {color}',
    '(make|turn|set|change|switch) [<the>] {area} <lights> [to] [the color] {color}',
    '[<the>] <lights> [<where>] [to] {color}',
    '{color} <lights> [<where>]',
    '(make|turn|set) it {color} [<where>]',
    '(i want|give me|can i have|can we have) {color} (light|lights|lighting) [<where>]',
    '(change|set|switch) the (color|colour) [of [<the>] <lights>] [<where>] to {color}',
    // No colour said: the skill asks which.
    '(change|switch) the (color|colour) of <name>',
    '(change|switch) the (color|colour) of [<the>] <lights> [<where>]',
    '(change|switch) <name> to (a|another) (different|new) (color|colour)',
  ],
});
