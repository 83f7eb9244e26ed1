/** Media players: play, pause, next, previous, volume, and "play jazz in the living room". */
import {
  defineSkill,
  describeRefusal,
  describeUnavailable,
  RELATIVE_STEP_PERCENT,
  type Device,
  type DeviceCommand,
  type Intent,
  type SkillContext,
  type UtteranceInfo,
} from '../../hub/sdk/index.js';
import { mediaIntents } from './intents/index.js';

export default defineSkill({
  id: 'media',
  version: '1.0.0',
  description: 'Controls media players: play, pause, skip, volume, and searching for something to play.',
  permissions: ['media'],
  intents: mediaIntents,

  async handle(intent, ctx, utterance) {
    const player = await choosePlayer(intent, ctx, utterance);
    if (!player) return { reply: "I couldn't find a media player there." };
    const { command, reply } = plan(intent, player);
    if (!command) return { reply };
    if (!player.available) return { reply: describeUnavailable(player, ctx.now()) };
    try {
      await ctx.media.command(player.id, command);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'DEVICE_UNAVAILABLE') return { reply: describeUnavailable(player, ctx.now()) };
      if (code === 'DEVICE_REJECTED') return { reply: describeRefusal(player, err as { message: string }) };
      if (code === 'DEVICE_TIMEOUT') return { reply: `The ${player.name.toLowerCase()} is not responding.` };
      throw err;
    }
    return { reply };
  },
});

function plan(intent: Intent, player: Device): { command?: DeviceCommand; reply: string } {
  const name = player.name.toLowerCase();
  switch (intent.name) {
    case 'HassMediaPause':
      return { command: { command: 'media_pause' }, reply: `Paused the ${name}.` };
    case 'HassMediaUnpause':
      return { command: { command: 'media_play' }, reply: `Resumed the ${name}.` };
    case 'HassMediaNext':
      return { command: { command: 'media_next' }, reply: 'Skipping ahead.' };
    case 'HassMediaPrevious':
      return { command: { command: 'media_previous' }, reply: 'Going back.' };
    case 'HassSetVolume': {
      const level = Number(intent.slots.volume_level);
      if (!Number.isFinite(level) || level < 0 || level > 100) return { reply: 'Volume goes from 0 to 100.' };
      return {
        command: { command: 'set_volume', params: { volume_level: level } },
        reply: `Volume set to ${level} on the ${name}.`,
      };
    }
    case 'HassSetVolumeRelative': {
      const step = intent.slots.volume_step;
      const delta = step === 'up' ? RELATIVE_STEP_PERCENT : step === 'down' ? -RELATIVE_STEP_PERCENT : Number(step);
      if (!Number.isFinite(delta) || delta === 0) return { reply: 'Louder or quieter?' };
      const current = typeof player.state.volume_level === 'number' ? player.state.volume_level : 50;
      const level = Math.max(0, Math.min(100, Math.round(current + delta)));
      return {
        command: { command: 'set_volume', params: { volume_level: level } },
        reply: `Volume ${delta > 0 ? 'up' : 'down'} to ${level} on the ${name}.`,
      };
    }
    case 'HassMediaPlayerMute':
      return { command: { command: 'mute_volume', params: { muted: true } }, reply: `Muted the ${name}.` };
    case 'HassMediaPlayerUnmute':
      return { command: { command: 'mute_volume', params: { muted: false } }, reply: `Unmuted the ${name}.` };
    case 'HassMediaSearchAndPlay': {
      const query = String(intent.slots.search_query ?? '').trim();
      if (!query) return { reply: 'What should I play?' };
      const type = MEDIA_TYPES[String(intent.slots.media_class ?? '')];
      return {
        command: { command: 'play_media', params: { search_query: query, ...(type ? { media_type: type } : {}) } },
        reply: `Playing ${query} on the ${name}.`,
      };
    }
    default:
      return { reply: "I can't do that with media." };
  }
}

/** Home Assistant's media classes → the player protocol's media types. */
const MEDIA_TYPES: Record<string, string> = {
  track: 'music',
  album: 'music',
  artist: 'music',
  playlist: 'playlist',
  podcast: 'podcast',
  movie: 'video',
  tv_show: 'video',
  channel: 'radio',
};

/**
 * The targeted player (of several, the one the command is about: playing for pause, paused for resume), else the
 * player in the named or current room, else the only player in the house.
 */
async function choosePlayer(intent: Intent, ctx: SkillContext, utterance: UtteranceInfo): Promise<Device | undefined> {
  const players = await ctx.media.players();
  const targeted = players.filter((p) => utterance.targets.includes(p.id));
  const wanted = intent.name === 'HassMediaUnpause' ? 'paused' : 'playing';
  if (targeted.length)
    return (
      targeted.find((p) => p.state.state === wanted) ?? targeted.find((p) => p.state.state === 'playing') ?? targeted[0]
    );
  const areaName = typeof intent.slots.area === 'string' ? intent.slots.area.toLowerCase() : undefined;
  if (areaName) {
    const key = areaName.replace(/^the /, '').replace(/\s+/g, '_');
    const inNamedArea = players.filter((p) => p.area && (p.area === key || p.area.replace(/[-_]/g, ' ') === areaName));
    if (inNamedArea.length) return inNamedArea[0];
  }
  if (utterance.area) {
    const here = players.filter((p) => p.area === utterance.area);
    if (here.length) return here[0];
  }
  return players.length === 1 ? players[0] : undefined;
}
