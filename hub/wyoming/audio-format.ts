/**
 * Wyoming audio carries its format on every audio-start/audio-chunk ({rate, width, channels});
 * inside the hub everything is 16 kHz mono s16le (hub/voice/audio/pcm.ts). This converts a stream
 * chunk by chunk, keeping the resampler's position across chunks, and cuts hub PCM into chunks to send.
 */
import { SAMPLE_RATE } from '../voice/audio/pcm.js';
import { makeEvent, type WyomingEvent } from './codec.js';

export interface AudioFormat {
  rate: number;
  /** Bytes per sample. */
  width: number;
  channels: number;
}

export const HUB_FORMAT: AudioFormat = { rate: SAMPLE_RATE, width: 2, channels: 1 };

/** The format fields of an audio event, or a sentence saying what is wrong with them. */
export function readAudioFormat(data: Record<string, unknown>): AudioFormat | string {
  const { rate, width, channels } = data;
  if (typeof rate !== 'number' || !Number.isInteger(rate) || rate < 4000 || rate > 192_000)
    return `rate must be a whole number of Hz between 4000 and 192000, got ${JSON.stringify(rate)}`;
  if (width !== 1 && width !== 2 && width !== 4) return `width must be 1, 2 or 4 bytes, got ${JSON.stringify(width)}`;
  if (typeof channels !== 'number' || !Number.isInteger(channels) || channels < 1 || channels > 8)
    return `channels must be 1-8, got ${JSON.stringify(channels)}`;
  return { rate, width, channels };
}

export function sameFormat(a: AudioFormat, b: AudioFormat): boolean {
  return a.rate === b.rate && a.width === b.width && a.channels === b.channels;
}

function sampleAt(pcm: Buffer, offset: number, width: number): number {
  if (width === 2) return pcm.readInt16LE(offset);
  if (width === 1) return (pcm[offset]! - 128) << 8; // 8-bit WAV audio is unsigned
  return pcm.readInt32LE(offset) >> 16;
}

/** Any supported format → 16 kHz mono s16le; channels are averaged, the rate changed by linear interpolation. */
export class PcmConverter {
  private readonly frameBytes: number;
  private carry: Buffer = Buffer.alloc(0);
  /** Position of the next output sample, in input samples, relative to the first sample not yet consumed. */
  private position = 0;
  /** The last input sample of the previous chunk, so interpolation spans chunk edges. */
  private previous: number | undefined;

  constructor(private readonly from: AudioFormat) {
    this.frameBytes = from.width * from.channels;
  }

  get identity(): boolean {
    return sameFormat(this.from, HUB_FORMAT);
  }

  convert(chunk: Buffer): Buffer {
    if (this.identity) return chunk.length % 2 === 0 ? chunk : chunk.subarray(0, chunk.length - 1);
    const input = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const frames = Math.floor(input.length / this.frameBytes);
    this.carry = Buffer.from(input.subarray(frames * this.frameBytes));
    const mono = new Float64Array(frames);
    for (let f = 0; f < frames; f++) {
      let sum = 0;
      for (let c = 0; c < this.from.channels; c++)
        sum += sampleAt(input, f * this.frameBytes + c * this.from.width, this.from.width);
      mono[f] = sum / this.from.channels;
    }
    return this.resample(mono);
  }

  private resample(mono: Float64Array): Buffer {
    const step = this.from.rate / HUB_FORMAT.rate;
    // Index -1 is the previous chunk's last sample.
    const at = (i: number) => (i < 0 ? (this.previous ?? mono[0] ?? 0) : mono[i]!);
    const out: number[] = [];
    let pos = this.position;
    while (pos <= mono.length - 1) {
      const i = Math.floor(pos);
      const frac = pos - i;
      const value = frac === 0 ? at(i) : at(i) + (at(i + 1) - at(i)) * frac;
      out.push(Math.max(-32768, Math.min(32767, Math.round(value))));
      pos += step;
    }
    if (mono.length > 0) {
      this.previous = mono[mono.length - 1];
      this.position = pos - mono.length;
    }
    const buffer = Buffer.alloc(out.length * 2);
    out.forEach((v, k) => buffer.writeInt16LE(v, k * 2));
    return buffer;
  }
}

/** Hub PCM cut into audio-chunk payloads of `samplesPerChunk` samples (1024, as the usual services send). */
export function* pcmChunks(pcm: Buffer, samplesPerChunk = 1024): Generator<Buffer> {
  const size = samplesPerChunk * 2;
  for (let offset = 0; offset < pcm.length; offset += size) yield pcm.subarray(offset, offset + size);
}

export function pcmMs(bytes: number, format: AudioFormat = HUB_FORMAT): number {
  return (bytes / (format.width * format.channels) / format.rate) * 1000;
}

/** Sends hub PCM as audio-start, audio-chunk…, audio-stop; `cancelled` ends it early (audio-stop is still sent). */
export async function sendAudio(
  conn: { send(event: WyomingEvent): Promise<void> },
  pcm: Buffer,
  cancelled: () => boolean = () => false,
): Promise<void> {
  const format = { rate: HUB_FORMAT.rate, width: HUB_FORMAT.width, channels: HUB_FORMAT.channels };
  let timestamp = 0;
  await conn.send(makeEvent('audio-start', { ...format, timestamp }));
  for (const chunk of pcmChunks(pcm)) {
    if (cancelled()) break;
    await conn.send(makeEvent('audio-chunk', { ...format, timestamp }, chunk));
    timestamp += Math.round(pcmMs(chunk.length));
  }
  await conn.send(makeEvent('audio-stop', { timestamp }));
}
