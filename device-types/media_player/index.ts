/** Media players: on/off, play/pause, next/previous, volume 0–100, play something by name. */
import { defineDeviceType, ON_OFF, SWITCHED_ON_OFF } from '../../hub/sdk/index.js';
import { mediaPlayerCommandSchemas, mediaPlayerStateSchema } from './protocol.js';

export default defineDeviceType({
  summary: 'Media players: on/off, play/pause, volume',
  capabilities: [
    ON_OFF,
    {
      kind: 'level',
      feature: 'volume',
      property: 'volume_level',
      label: 'Volume',
      min: 0,
      max: 100,
      unit: '%',
      command: 'set_volume',
      param: 'volume_level',
    },
    {
      kind: 'playback',
      play: 'media_play',
      pause: 'media_pause',
      next: 'media_next',
      previous: 'media_previous',
      playMedia: 'play_media',
    },
  ],
  commands: mediaPlayerCommandSchemas,
  nativeDriver: true,
  state: mediaPlayerStateSchema,
  speech: { onOff: SWITCHED_ON_OFF },
  moreCues: { HassTurnOn: ['start'] },
  simulator: () => import('./simulator.js'),
  words: { type: ['speaker', 'speakers', 'tv', 'telly', 'television', 'stereo', 'media player'], alsoInTitles: true },
});
