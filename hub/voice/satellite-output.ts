/**
 * The hub speaking on its own in the rooms (hub/alerts' SoundOutput): rings, announcements, and "stop".
 * Text is synthesised once per message and sent to each satellite as a WAV on its tts topic; a ring has a
 * chime first and tells the satellite something sounds (it then listens for "stop" without its wake word).
 */
import type { Logger } from '../core/logger.js';
import { chimePcm } from './audio/chime.js';
import type { MqttSatellites } from './audio/mqtt-satellites.js';
import type { KnownSatellite, SatelliteDirectory } from './audio/satellite-directory.js';
import { encodeWav, wavToPcm } from './audio/wav.js';
import type { TextToSpeech } from './tts.js';

export interface SatelliteOutputDeps {
  satellites: MqttSatellites;
  directory: SatelliteDirectory;
  tts: TextToSpeech;
  log: Logger;
}

export class SatelliteOutput {
  private chime: Buffer | undefined;
  /** The last message's audio: a ring repeats the same words every few seconds. */
  private last: { text: string; ring: boolean; wav: Buffer } | undefined;

  constructor(private readonly deps: SatelliteOutputDeps) {}

  satellites(): readonly KnownSatellite[] {
    return this.deps.directory.list();
  }

  async say(satellites: readonly string[], text: string, options: { ring?: boolean } = {}): Promise<void> {
    const ring = options.ring === true;
    try {
      const wav = await this.audio(text, ring);
      await Promise.all(satellites.map(async (id) => {
        if (ring) await this.deps.satellites.command(id, { type: 'sounding', active: true });
        await this.deps.satellites.speak(id, wav);
      }));
    } catch (err) {
      this.deps.log.error({ err, satellites }, 'could not speak on the satellites');
    }
  }

  async silence(satellites: readonly string[]): Promise<void> {
    await Promise.all(
      satellites.map((id) => this.deps.satellites.command(id, { type: 'stop' }).catch((err) => this.deps.log.warn({ err, satellite: id }, 'could not tell the satellite to stop'))),
    );
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
