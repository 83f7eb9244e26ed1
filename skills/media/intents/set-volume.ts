/** HassSetVolume: Sets the volume in percent. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, where } from './slots.js';

export const setVolume = defineIntent({
  targets: { domains: ['media_player'], areaFromContext: true },
  slots: { ...MEDIA_SLOTS, volume_level: { list: 'volume_level' } },
  sentences: [
    {
      sentences: [
        `(set|change|put|turn|adjust) [the] volume ${where} to {volume_level} <percent>`,
        `(set|change|put|turn|adjust) [the] volume (of|on) <name> to {volume_level} <percent>`,
        `(set|change|put|turn|adjust) <name> volume to {volume_level} <percent>`,
        `(set|change|put|turn) <name> to {volume_level} <percent> volume`,
        `volume [to|at] {volume_level} <percent> ${where}`,
        `(turn|bring) (it|the volume|the music) (up|down) to {volume_level} <percent> ${where}`,
        `{volume_level} <percent> volume ${where}`,
      ],
      slots: { domain: 'media_player' },
    },
    { sentences: [`mute ${where}`, `mute <name>`, `(silence|mute) (everything|the speakers)`], slots: { domain: 'media_player', volume_level: 0 } },
  ],
});
