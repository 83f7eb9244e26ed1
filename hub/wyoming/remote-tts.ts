/**
 * Replies spoken by a Wyoming service (`voice.tts.wyoming`: piper, …) with espeak-ng behind it: a service
 * that cannot be reached, breaks off, or leaves more than replyTimeoutMs between its audio events is given up
 * on for that reply and espeak-ng speaks it; while it is down espeak-ng speaks directly. The service's audio
 * (piper: 22.05 kHz) is converted to the hub's 16 kHz mono WAV with sox.
 */
import type { Logger } from '../core/logger.js';
import { convertWithSox, encodeWav } from '../voice/audio/wav.js';
import type { SpokenReply, TextToSpeech } from '../voice/tts.js';
import { PcmConverter, readAudioFormat, sameFormat, HUB_FORMAT, pcmMs, type AudioFormat } from './audio-format.js';
import { makeEvent } from './codec.js';
import type { WyomingConnection } from './connection.js';
import type { RemoteService } from './remote-service.js';

export interface RemoteTtsOptions {
  service: RemoteService;
  local: TextToSpeech;
  /** `synthesize.voice.name`; unset lets the service choose. */
  voice?: string;
  /** A reply longer than this is cut off (and the service given up on). */
  maxReplyMs: number;
  log: Logger;
}

export interface ReceivedAudio {
  format: AudioFormat;
  pcm: Buffer;
}

/** Reads audio-start, audio-chunk…, audio-stop; each must come within `gapMs` of the one before. */
export async function receiveAudio(conn: WyomingConnection, gapMs: number, maxMs: number): Promise<ReceivedAudio> {
  const start = await conn.waitFor(['audio-start'], gapMs);
  const format = readAudioFormat(start.data);
  if (typeof format === 'string') throw new Error(`the service sent audio Hearth cannot read: ${format}`);
  const parts: Buffer[] = [];
  let bytes = 0;
  for (;;) {
    const next = await conn.waitFor(['audio-chunk', 'audio-stop'], gapMs);
    if (next.type === 'audio-stop') break;
    if (!next.payload) continue;
    if (next.data.rate !== undefined) {
      const chunkFormat = readAudioFormat(next.data);
      if (typeof chunkFormat === 'string' || !sameFormat(chunkFormat, format))
        throw new Error('the service changed the audio format inside a reply');
    }
    bytes += next.payload.length;
    if (pcmMs(bytes, format) > maxMs) throw new Error(`the reply audio is longer than ${maxMs} ms`);
    parts.push(next.payload);
  }
  return { format, pcm: Buffer.concat(parts) };
}

/** Any received audio → hub PCM: sox when it is installed (proper resampling), else the linear converter. */
export async function toHubPcm(audio: ReceivedAudio): Promise<Buffer> {
  if (sameFormat(audio.format, HUB_FORMAT)) return audio.pcm;
  try {
    return await convertWithSox(encodeWav(audio.pcm, audio.format.rate, audio.format));
  } catch {
    return new PcmConverter(audio.format).convert(audio.pcm);
  }
}

export class WyomingTts implements TextToSpeech {
  constructor(private readonly options: RemoteTtsOptions) {}

  async synthesize(text: string): Promise<SpokenReply> {
    const { service, local } = this.options;
    if (text.trim() === '') return { text };
    if (!service.usable()) {
      service.fellBack();
      return local.synthesize(text);
    }
    let conn: WyomingConnection | undefined;
    try {
      conn = await service.connect();
      await conn.send(
        makeEvent('synthesize', { text, ...(this.options.voice ? { voice: { name: this.options.voice } } : {}) }),
      );
      const audio = await receiveAudio(conn, service.timings.replyTimeoutMs, this.options.maxReplyMs);
      if (audio.pcm.length === 0) throw new Error('the service sent no audio');
      const pcm = await toHubPcm(audio);
      service.succeeded();
      return { text, wav: encodeWav(pcm) };
    } catch (err) {
      service.failed(err);
      service.fellBack();
      return local.synthesize(text);
    } finally {
      conn?.close();
    }
  }

  /** The hub's own speaker keeps espeak-ng: it plays through espeak-ng's audio output. */
  playLocal(text: string): Promise<boolean> {
    return this.options.local.playLocal(text);
  }
}
