import { describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.js';
import { ChunkQueue } from './chunk-queue.js';
import { BYTES_PER_MS, collectPcm, type AudioSource } from './pcm.js';
import { speechEnergyDb, WakeArbiter } from './wake-arbiter.js';

/** A tone at `amplitude`, 20 ms per chunk, pushed as a satellite would (in real time, compressed 10×). */
function live(name: string, amplitude: number, ms: number): { source: AudioSource; done: Promise<void> } {
  const queue = new ChunkQueue<Buffer>();
  const chunk = Buffer.alloc(20 * BYTES_PER_MS);
  for (let i = 0; i < chunk.length / 2; i++) chunk.writeInt16LE(Math.round(Math.sin(i / 5) * amplitude), i * 2);
  const done = (async () => {
    for (let t = 0; t < ms; t += 20) {
      queue.push(Buffer.from(chunk));
      await new Promise((r) => setTimeout(r, 2));
    }
    queue.end();
  })();
  return { source: { name, chunks: () => queue }, done };
}

describe('WakeArbiter', () => {
  it('gives the command to the loudest of streams that start together; the others lose and are not read on', async () => {
    const arbiter = new WakeArbiter({ windowMs: 100, measureMs: 200 }, systemClock);
    const quiet = live('quiet', 2_000, 1000);
    const loud = live('loud', 12_000, 1000);
    const [a, b] = await Promise.all([arbiter.contend('kitchen', quiet.source), arbiter.contend('hall', loud.source)]);
    expect(a).toMatchObject({ won: false, winner: 'hall' });
    expect(b).toMatchObject({ won: true, rivals: 1 });
    // The winner's source has every chunk, from the first one held during the contest.
    const pcm = await collectPcm((b as { source: AudioSource }).source);
    expect(pcm.length).toBe(1000 * BYTES_PER_MS);
    await Promise.all([quiet.done, loud.done]);
  });

  it('a stream alone waits only for the window, and keeps all its audio', async () => {
    const arbiter = new WakeArbiter({ windowMs: 50, measureMs: 10_000 }, systemClock);
    const only = live('only', 5_000, 400);
    const started = Date.now();
    const verdict = await arbiter.contend('bedroom', only.source);
    expect(verdict).toMatchObject({ won: true, rivals: 0 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await collectPcm((verdict as { source: AudioSource }).source)).length).toBe(400 * BYTES_PER_MS);
  });

  it('streams further apart than the window are separate requests', async () => {
    const arbiter = new WakeArbiter({ windowMs: 30, measureMs: 100 }, systemClock);
    const first = await arbiter.contend('a', live('a', 3_000, 200).source);
    const second = await arbiter.contend('b', live('b', 9_000, 200).source);
    expect(first).toMatchObject({ won: true, rivals: 0 });
    expect(second).toMatchObject({ won: true, rivals: 0 });
  });

  it('windowMs 0 lets every stream through untouched', async () => {
    const arbiter = new WakeArbiter({ windowMs: 0, measureMs: 100 }, systemClock);
    const { source } = live('x', 1_000, 100);
    expect(await arbiter.contend('x', source)).toEqual({ won: true, source, energyDb: 0, rivals: 0 });
  });

  it('measures speech, not where the silence around it falls', () => {
    const talk = Buffer.alloc(300 * BYTES_PER_MS);
    for (let i = 0; i < talk.length / 2; i++) talk.writeInt16LE(i % 2 ? 8_000 : -8_000, i * 2);
    const early = Buffer.concat([talk, Buffer.alloc(700 * BYTES_PER_MS)]);
    const late = Buffer.concat([Buffer.alloc(600 * BYTES_PER_MS), talk, Buffer.alloc(100 * BYTES_PER_MS)]);
    expect(speechEnergyDb(early)).toBeCloseTo(speechEnergyDb(late), 5);
    expect(speechEnergyDb(early)).toBeGreaterThan(
      speechEnergyDb(Buffer.concat([late.subarray(0, 600 * BYTES_PER_MS), Buffer.alloc(400 * BYTES_PER_MS)])),
    );
    expect(speechEnergyDb(Buffer.alloc(0))).toBe(-Infinity);
  });
});
