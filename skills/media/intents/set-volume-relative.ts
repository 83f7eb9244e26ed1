/**
 * HassSetVolumeRelative: louder or quieter. `volume_step` is `up`/`down`, or a signed percentage ("down by 20" → -20),
 * as Home Assistant has it.
 */
import { defineIntent } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, MEDIA_TARGETS, where } from './slots.js';

const up = { volume_step: 'up' };
const down = { volume_step: 'down' };
export const setVolumeRelative = defineIntent({
  targets: MEDIA_TARGETS,
  slots: { ...MEDIA_SLOTS, volume_step: { list: 'volume_step' } },
  cues: {
    actions: [
      { words: 'louder', slots: up },
      { words: 'volume up', slots: up },
      { words: 'turn up', slots: up },
      { words: 'crank up', slots: up },
      { words: 'pump up', slots: up },
      { words: 'up the volume', slots: up },
      { words: 'increase', slots: up },
      { words: 'raise', slots: up },
      { words: 'boost', slots: up },
      { words: 'more volume', slots: up },
      { words: 'up', weight: 0.5, slots: up },
      { words: 'turn', weight: 0.25 },
      { words: 'quieter', slots: down },
      { words: 'softer', slots: down },
      { words: 'volume down', slots: down },
      { words: 'turn down', slots: down },
      { words: 'lower', slots: down },
      { words: 'decrease', slots: down },
      { words: 'reduce', slots: down },
      { words: 'less volume', slots: down },
      { words: 'quiet down', slots: down },
      { words: 'down', weight: 0.5, slots: down },
      { words: 'too loud', slots: down },
      // Other verbs and phrasal verbs for it ("dial it back", "tone it down", "drop the volume")
      { words: 'dial up', slots: up },
      { words: 'jack up', slots: up },
      { words: 'amp up', slots: up },
      { words: 'bump up', slots: up },
      { words: 'dial down', slots: down },
      { words: 'dial back', slots: down },
      { words: 'tone down', slots: down },
      { words: 'knock down', slots: down },
      { words: 'keep down', slots: down },
      { words: 'ease off', slots: down },
      // Verbs that lower other things too: only with the volume said ("drop the volume", not "drop it").
      ...['drop', 'slow', 'slow down'].flatMap((verb) => [
        { words: `${verb} volume`, slots: down },
        { words: `${verb} sound`, slots: down },
      ]),
      ...['volume', 'sound'].flatMap((what) => [
        { words: `bring ${what} down`, slots: down },
        { words: `bring down ${what}`, slots: down },
      ]),
      { words: 'cut volume', slots: down },
      { words: 'less loud', slots: down },
      { words: 'not so loud', slots: down },
      // Said as what is wrong with the sound: "I can't hear it", "the radio is too quiet", "not loud enough".
      { words: 'can not hear', slots: up },
      { words: 'too quiet', slots: up },
      { words: 'too soft', slots: up },
      { words: 'not loud enough', slots: up },
      { words: 'hard to hear', slots: up },
      { words: 'barely hear', slots: up },
      { words: 'too noisy', slots: down },
      { words: 'deafening', slots: down },
      { words: 'blaring', slots: down },
      { words: 'volume', weight: 0.5 },
      { words: 'sound', weight: 0.5 },
    ],
    needsOneOf: ['volume_step'],
  },
  sentences: [
    {
      sentences: [
        `(turn|crank|pump|bump) [the] (volume|music|sound|it) up [a (bit|little|notch|touch)] ${where}`,
        `(volume|sound) up [a (bit|little|notch)] ${where}`,
        `(louder|a bit louder|a little louder) [please] ${where}`,
        `(increase|raise|up) the (volume|sound) [a (bit|little|notch)] ${where}`,
        `make (it|the music|the sound|<name>) louder`,
      ],
      slots: up,
    },
    {
      sentences: [
        `(turn|bring) [the] (volume|music|sound|it) down [a (bit|little|notch|touch)] ${where}`,
        `(volume|sound) down [a (bit|little|notch)] ${where}`,
        `(quieter|softer|a bit quieter|a little quieter) [please] ${where}`,
        `(decrease|lower|reduce) the (volume|sound) [a (bit|little|notch)] ${where}`,
        `make (it|the music|the sound|<name>) (quieter|softer)`,
        `(it is|that is) too loud ${where}`,
      ],
      slots: down,
    },
  ],
});
