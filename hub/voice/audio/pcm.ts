/**
 * Everything inside hub/voice speaks one audio format: 16 kHz, mono, signed 16-bit little-endian PCM.
 * Sources convert to it at the edge so VAD and recognisers never have to.
 */
export const SAMPLE_RATE = 16_000;
export const BYTES_PER_SAMPLE = 2;
export const BYTES_PER_MS = (SAMPLE_RATE * BYTES_PER_SAMPLE) / 1000;

/** An audio input: a stream of PCM chunks in the format above, plus where it was heard. */
export interface AudioSource {
  /** For logs: `wav:/tmp/x.wav`, `mic:plughw:1,0`, `satellite:kitchen-sat`. */
  readonly name: string;
  /** The area the audio was heard in, when the source knows it (satellites do). */
  readonly area?: string;
  /**
   * A recording that stands alone (an upload) rather than one more utterance from a microphone: recognisers
   * decode it from its own channel estimate and learn nothing from it, so the same file always gives the same result.
   */
  readonly standalone?: boolean;
  chunks(): AsyncIterable<Buffer>;
}

/** Views PCM bytes as samples without copying when the buffer is aligned. */
export function toSamples(pcm: Buffer): Int16Array {
  const even = pcm.length - (pcm.length % 2);
  if (pcm.byteOffset % 2 === 0) return new Int16Array(pcm.buffer, pcm.byteOffset, even / 2);
  const copy = Buffer.from(pcm.subarray(0, even));
  return new Int16Array(copy.buffer, copy.byteOffset, even / 2);
}

/** A source over PCM already in memory, cut into chunks the size a microphone would deliver. */
export interface BufferSourceOptions {
  name?: string;
  area?: string;
  chunkMs?: number;
  standalone?: boolean;
}

export function bufferSource(pcm: Buffer, options: BufferSourceOptions = {}): AudioSource {
  const chunkBytes = Math.max(2, Math.round((options.chunkMs ?? 100) * BYTES_PER_MS) & ~1);
  return {
    name: options.name ?? 'buffer',
    ...(options.area !== undefined ? { area: options.area } : {}),
    ...(options.standalone ? { standalone: true } : {}),
    async *chunks() {
      for (let offset = 0; offset < pcm.length; offset += chunkBytes) yield pcm.subarray(offset, offset + chunkBytes);
    },
  };
}

/** Reads a whole source into one buffer (tests, the HTTP endpoint). */
export async function collectPcm(source: AudioSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return Buffer.concat(parts);
}
