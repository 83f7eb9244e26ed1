import { z } from 'zod';
import { defineBehavior, rejectCommand } from '../../firmware-sim/core/behavior.js';
import { noParams, percent } from '../../firmware-sim/core/params.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

/**
 * State: `state` "off"|"idle"|"playing"|"paused", `volume_level` 0-100, `media_title`, `media_query`
 * (what was asked for), `queue_position` (1-based).
 */
export interface MediaPlayerState extends Record<string, unknown> {
  state: 'off' | 'idle' | 'playing' | 'paused';
  volume_level: number;
  muted?: boolean;
  media_title?: string;
  media_query?: string;
  queue_position: number;
}

/** A made-up catalogue: the query picks a mood, the position picks a track within it. */
function titleFor(query: string, position: number): string {
  return `${query} — track ${position}`;
}

type Ctx = Parameters<typeof mediaPlayerBehavior.commands.media_play.run>[0];

function requireOn(ctx: Ctx, what: string): void {
  if (ctx.state.state === 'off') throw rejectCommand(`the player is off; turn it on before "${what}"`);
}

function requireQueue(ctx: Ctx, what: string): string {
  requireOn(ctx, what);
  if (ctx.state.media_query === undefined)
    throw rejectCommand(`nothing is queued; use play_media with a search_query before "${what}"`);
  return ctx.state.media_query;
}

export const mediaPlayerBehavior = defineBehavior<
  MediaPlayerState,
  {
    turn_on: object;
    turn_off: object;
    media_play: object;
    media_pause: object;
    media_next: object;
    media_previous: object;
    set_volume: { volume_level: number };
    mute_volume: { muted: boolean };
    play_media: { search_query: string; media_type?: string | undefined };
  }
>({
  kind: 'media_player',
  type: 'media_player',
  deviceClass: 'speaker',
  capabilities: ['on_off', 'play_pause', 'next_previous', 'volume', 'mute', 'play_media'],
  initialState: () => ({ state: 'off', volume_level: 30, queue_position: 0 }),
  commands: {
    turn_on: {
      params: noParams,
      run: (ctx) => ctx.update({ state: ctx.state.state === 'off' ? 'idle' : ctx.state.state }),
    },
    turn_off: { params: noParams, run: (ctx) => ctx.update({ state: 'off' }) },
    media_play: {
      params: noParams,
      run(ctx) {
        requireQueue(ctx, 'media_play');
        ctx.update({ state: 'playing' });
      },
    },
    media_pause: {
      params: noParams,
      run(ctx) {
        requireOn(ctx, 'media_pause');
        if (ctx.state.state === 'playing') ctx.update({ state: 'paused' });
      },
    },
    media_next: {
      params: noParams,
      run(ctx) {
        const query = requireQueue(ctx, 'media_next');
        const position = ctx.state.queue_position + 1;
        ctx.update({ queue_position: position, media_title: titleFor(query, position), state: 'playing' });
      },
    },
    media_previous: {
      params: noParams,
      run(ctx) {
        const query = requireQueue(ctx, 'media_previous');
        const position = Math.max(1, ctx.state.queue_position - 1);
        ctx.update({ queue_position: position, media_title: titleFor(query, position), state: 'playing' });
      },
    },
    set_volume: {
      params: z.object({ volume_level: percent }).strict(),
      run: (ctx, p) => ctx.update({ volume_level: Math.round(p.volume_level) }),
    },
    mute_volume: {
      params: z.object({ muted: z.boolean() }).strict(),
      run: (ctx, p) => ctx.update({ muted: p.muted }),
    },
    play_media: {
      params: z
        .object({ search_query: z.string().trim().min(1).max(200), media_type: z.string().max(32).optional() })
        .strict(),
      // Asking a speaker to play something also wakes it, as every smart speaker does.
      run: (ctx, p) =>
        ctx.update({
          state: 'playing',
          media_query: p.search_query,
          queue_position: 1,
          media_title: titleFor(p.search_query, 1),
        }),
    },
  },
});

export const behaviors: SimulatorModule['behaviors'] = [() => mediaPlayerBehavior];
export const exercise: SimulatorModule['exercise'] = ['play_media', { search_query: 'sea shanties' }];
export const kindFor: SimulatorModule['kindFor'] = () => 'media_player';
