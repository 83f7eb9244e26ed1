/** Media players over the Hearth native protocol. Volume 0-100. */
import { z } from 'zod';

export const PLAYER_STATES = ['off', 'idle', 'playing', 'paused'] as const;
export const volume = z.number().min(0).max(100);

export const mediaPlayerStateSchema = z.looseObject({
  state: z.enum(PLAYER_STATES).optional(),
  volume_level: volume.optional(),
  muted: z.boolean().optional(),
  media_title: z.string().max(500).optional(),
  media_artist: z.string().max(500).optional(),
  source: z.string().max(100).optional(),
});

const none = z.strictObject({});
export const mediaPlayerCommandSchemas = {
  turn_on: none,
  turn_off: none,
  media_play: none,
  media_pause: none,
  media_next: none,
  media_previous: none,
  set_volume: z.strictObject({ volume_level: volume }),
  /** Silences the player without pausing it (Home Assistant's media_player.volume_mute); the level is kept. */
  mute_volume: z.strictObject({ muted: z.boolean() }),
  play_media: z.strictObject({
    search_query: z.string().trim().min(1).max(200),
    media_type: z.enum(['music', 'podcast', 'radio', 'playlist', 'video']).optional(),
  }),
};
