/**
 * The hub speaking on its own in the rooms (hub/alerts' SoundOutput): rings, announcements, and "stop".
 * Text is synthesised once per message and handed as a WAV to the speakers that own each satellite id
 * (room-speakers.ts: MQTT satellites, Wyoming satellites, the hub's own speaker); a ring has a chime first.
 */
import type { Logger } from '../core/logger.js';
import { chimePcm } from './audio/chime.js';
import type { KnownSatellite } from './audio/satellite-directory.js';
import { encodeWav, wavToPcm } from './audio/wav.js';
import type { RoomSpeakers } from './room-speakers.js';
import type { TextToSpeech } from './tts.js';

export interface SatelliteOutputDeps {
  /** The first group owning an id plays for it (the MQTT satellites first). */
  speakers: RoomSpeakers[];
  tts: TextToSpeech;
  log: Logger;
}

export class SatelliteOutput {
  private chime: Buffer | undefined;
  /** The last message's audio: a ring repeats the same words every few seconds. */
  private last: { text: string; ring: boolean; wav: Buffer } | undefined;
  private readonly groups: RoomSpeakers[];

  constructor(private readonly deps: SatelliteOutputDeps) {
    this.groups = [...deps.speakers];
  }

  /** More speakers that start after voice (Wyoming satellites, the hub's speaker). */
  addSpeakers(group: RoomSpeakers): void {
    this.groups.push(group);
  }

  satellites(): readonly KnownSatellite[] {
    const seen = new Set<string>();
    const out: KnownSatellite[] = [];
    for (const group of this.groups) {
      for (const satellite of group.list()) {
        if (seen.has(satellite.id)) continue;
        seen.add(satellite.id);
        out.push(satellite);
      }
    }
    return out;
  }

  async say(satellites: readonly string[], text: string, options: { ring?: boolean } = {}): Promise<void> {
    const ring = options.ring === true;
    try {
      const wav = await this.audio(text, ring);
      await Promise.all(
        satellites.map(async (id) => {
          const group = this.owner(id);
          if (!group) return this.deps.log.warn({ satellite: id }, 'no satellite by that id to speak on');
          await group
            .play(id, wav, { ring })
            .catch((err) => this.deps.log.error({ err, satellite: id }, 'could not speak on the satellite'));
        }),
      );
    } catch (err) {
      this.deps.log.error({ err, satellites }, 'could not speak on the satellites');
    }
  }

  async silence(satellites: readonly string[]): Promise<void> {
    await Promise.all(
      satellites.map(async (id) => {
        const group = this.owner(id);
        await group
          ?.stop(id)
          .catch((err) => this.deps.log.warn({ err, satellite: id }, 'could not tell the satellite to stop'));
      }),
    );
  }

  private owner(id: string): RoomSpeakers | undefined {
    return this.groups.find((g) => g.list().some((s) => s.id === id));
  }

  private async audio(text: string, ring: boolean): Promise<Buffer> {
    if (this.last && this.last.text === text && this.last.ring === ring) return this.last.wav;
    const spoken = await this.deps.tts.synthesize(text);
    const speech = spoken.wav ? await wavToPcm(spoken.wav) : Buffer.alloc(0);
    const pcm = ring ? Buffer.concat([(this.chime ??= chimePcm()), speech]) : speech;
    if (pcm.length === 0) throw new Error('no speech synthesiser (voice.tts) to say it with');
    const wav = encodeWav(pcm);
    this.last = { text, ring, wav };
    return wav;
  }
}
