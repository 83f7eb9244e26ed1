import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { RetainedWriteBehind } from './retained-write-behind.js';

type P = { topic: string; payload: string };

function setup(write: (packets: P[]) => void = () => undefined) {
  const clock = new ManualClock();
  const writes: P[][] = [];
  const errors: string[] = [];
  const writer = new RetainedWriteBehind<P>({
    writeAll: (packets) => {
      const batch = [...packets];
      write(batch);
      writes.push(batch);
    },
    onError: (err, pending) => errors.push(`${err.message} (${pending} pending)`),
    intervalMs: 500,
    clock,
  });
  return { clock, writes, errors, writer };
}

describe('RetainedWriteBehind', () => {
  it('writes nothing before the interval, then the last packet of each topic in one batch', () => {
    const { clock, writes, writer } = setup();
    for (let i = 1; i <= 10; i++) writer.mark({ topic: 'hearth/a/state', payload: `a${i}` });
    writer.mark({ topic: 'hearth/b/state', payload: 'b1' });
    clock.advance(499);
    expect(writes).toEqual([]);
    expect(writer.pending).toBe(2);
    clock.advance(1);
    expect(writes).toEqual([
      [
        { topic: 'hearth/a/state', payload: 'a10' },
        { topic: 'hearth/b/state', payload: 'b1' },
      ],
    ]);
    expect(writer.pending).toBe(0);
    clock.advance(5000);
    expect(writes).toHaveLength(1);
  });

  it('flush() writes at once and cancels the timer', () => {
    const { clock, writes, writer } = setup();
    writer.mark({ topic: 't', payload: '1' });
    writer.flush();
    expect(writes).toEqual([[{ topic: 't', payload: '1' }]]);
    clock.advance(1000);
    expect(writes).toHaveLength(1);
  });

  it('keeps a failed batch for a retry, unless a newer message for the topic came meanwhile', () => {
    let fail = true;
    const { clock, writes, errors, writer } = setup(() => {
      if (fail) throw new Error('disk full');
    });
    writer.mark({ topic: 'x', payload: 'old-x' });
    writer.mark({ topic: 'y', payload: 'old-y' });
    clock.advance(500);
    expect(errors).toEqual(['disk full (2 pending)']);
    expect(writer.pending).toBe(2);
    writer.mark({ topic: 'x', payload: 'new-x' });
    fail = false;
    clock.advance(2000);
    expect(writes.at(-1)).toEqual([
      { topic: 'x', payload: 'new-x' },
      { topic: 'y', payload: 'old-y' },
    ]);
    expect(writer.pending).toBe(0);
  });

  it('a flush() on stop reports the failure to its caller', () => {
    const { writer } = setup(() => {
      throw new Error('locked');
    });
    writer.mark({ topic: 't', payload: '1' });
    expect(() => writer.flush()).toThrow('locked');
    expect(writer.pending).toBe(1);
  });
});
