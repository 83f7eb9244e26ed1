import type { Readable } from 'node:stream';
import type { AudioSource } from './pcm.js';

/**
 * A readable stream already carrying hub PCM (16 kHz mono s16le), e.g. a pipe or socket.
 * Chunks are re-cut so none splits a sample: an odd byte waits for its partner.
 */
export function rawPcmSource(stream: Readable, options: { name?: string; area?: string } = {}): AudioSource {
  return {
    name: options.name ?? 'raw',
    ...(options.area !== undefined ? { area: options.area } : {}),
    async *chunks() {
      let carry: Buffer | undefined;
      for await (const raw of stream) {
        let chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
        if (carry) chunk = Buffer.concat([carry, chunk]);
        carry = undefined;
        if (chunk.length % 2 === 1) {
          carry = chunk.subarray(chunk.length - 1);
          chunk = chunk.subarray(0, chunk.length - 1);
        }
        if (chunk.length > 0) yield chunk;
      }
    },
  };
}
