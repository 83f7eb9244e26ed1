/** HassSetVolume: sets the volume to a level in percent ("volume 30", "max volume"). */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, MEDIA_TARGETS, where } from './slots.js';

export const setVolume = defineIntent({
  targets: MEDIA_TARGETS,
  slots: { ...MEDIA_SLOTS, volume_level: { list: 'volume_level' } },
  cues: {
    actions: [
      { words: 'volume', weight: 0.75 },
      { words: 'sound', weight: 0.5 },
      ...weighted(0.25, 'set', 'turn', 'change', 'adjust'),
      { words: 'loud', weight: 0.5 },
      { words: 'loudness', weight: 0.75 },
    ],
    needsOneOf: ['volume_level'],
  },
  sentences: [
    // Spoken: the common forms (the recogniser's grammar stays small and its sentences apart); the rest typed.
    `(set|turn) [the] volume ${where} to {volume_level} <percent>`,
    '(set|turn) [the] volume (of|on) <name> to {volume_level} <percent>',
    'volume [to|at] {volume_level} <percent>',
    {
      spoken: false,
      sentences: [
        `(set|change|put|turn|adjust|bring) [the] volume ${where} to {volume_level} <percent>`,
        `(set|change|put|turn|adjust|bring) [the] volume (of|on|for) <name> to {volume_level} <percent>`,
        `(set|change|put|turn|adjust|bring) [the] volume (of|on|for|in) <area> to {volume_level} <percent>`,
        `(set|change|put|turn|adjust|bring) [<the>] (<name>|<area>) volume to {volume_level} <percent>`,
        `(set|change|put|turn) <name> to {volume_level} <percent> volume`,
        `[<the>] (<name>|<area>) volume [to|at] {volume_level} <percent>`,
        `volume [to|at] {volume_level} <percent> ${where}`,
        `(turn|bring) (it|the volume|the music|the sound) (up|down) to {volume_level} <percent> ${where}`,
        `{volume_level} <percent> volume ${where}`,
      ],
    },
  ],
});
