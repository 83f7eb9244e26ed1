/**
 * A microphone that never stops, fed faster than real time: one audio source whose chunks continue where the last
 * utterance ended (as a Wyoming satellite's stream does between utterances), and a hub clock that runs ahead with
 * the audio, so the follow-up window after a wake is measured in audio time, not in decoding time.
 */
import type { Clock } from '../../hub/core/clock.js';
import { systemClock } from '../../hub/core/clock.js';
import { BYTES_PER_MS, type AudioSource } from '../../hub/voice/audio/pcm.js';

export class AudioTimeClock implements Clock {
  private readonly startedAt = Date.now();
  private aheadMs = 0;

  now(): number {
    return Date.now() + this.aheadMs;
  }

  /** The audio heard so far reaches `audioMs` after the start: time is at least that far on. */
  heard(audioMs: number): void {
    this.aheadMs = Math.max(this.aheadMs, audioMs - (Date.now() - this.startedAt));
  }

  setTimeout(fn: () => void, ms: number) {
    return systemClock.setTimeout(fn, ms);
  }

  clearTimeout(handle: ReturnType<Clock['setTimeout']>): void {
    systemClock.clearTimeout(handle);
  }
}

/** PCM buffers one after the other (made lazily by `next`), read in `chunkMs` pieces by one utterance after another. */
export class ContinuousSource implements AudioSource {
  private readonly iterator: AsyncIterator<Buffer>;
  private positionMs = 0;
  ended = false;

  constructor(
    readonly name: string,
    next: () => Promise<Buffer | undefined>,
    private readonly clock: AudioTimeClock,
    chunkMs = 20,
  ) {
    const chunkBytes = Math.round(chunkMs * BYTES_PER_MS) & ~1;
    this.iterator = (async function* () {
      for (let pcm = await next(); pcm; pcm = await next())
        for (let offset = 0; offset < pcm.length; offset += chunkBytes) yield pcm.subarray(offset, offset + chunkBytes);
    })();
  }

  /** Where the stream is, in ms of audio. */
  get audioMs(): number {
    return this.positionMs;
  }

  chunks(): AsyncIterable<Buffer> {
    // No `return`: the pipeline's `break` at the end of an utterance must not close the stream.
    return {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const item = await this.iterator.next();
          if (item.done) this.ended = true;
          else {
            this.positionMs += item.value.length / BYTES_PER_MS;
            this.clock.heard(this.positionMs);
          }
          return item;
        },
      }),
    };
  }
}
