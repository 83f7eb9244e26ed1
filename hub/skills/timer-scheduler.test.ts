import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import builtinTimers from '../../skills/timers/index.js';
import { createFixture } from './testing/fixture.js';

describe('timers survive a restart', () => {
  it('a timer set before a restart is announced after it, in the area that set it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-timers-'));
    const clock = new ManualClock();
    try {
      const first = createFixture({ dir, clock });
      await first.runtime.start();
      await first.runtime.registerBuiltin(builtinTimers);
      expect((await first.runtime.handleUtterance('set a tea timer for 4 minutes', { area: 'kitchen' })).reply).toBe(
        'Tea timer set for 4 minutes.',
      );
      await first.close();

      clock.advance(60_000);
      const second = createFixture({ dir, clock });
      await second.runtime.start();
      await second.runtime.registerBuiltin(builtinTimers);
      expect(second.runtime.timers.list('timers')).toEqual([
        expect.objectContaining({ name: 'tea', area: 'kitchen', remainingMs: 180_000 }),
      ]);
      clock.advance(179_000);
      expect(second.notifications).toEqual([]);
      clock.advance(1_000);
      expect(second.notifications).toEqual([{ message: 'Your tea timer is done.', area: 'kitchen' }]);
      expect(second.runtime.timers.list('timers')).toEqual([]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pauses, resumes and adjusts', async () => {
    const f = createFixture();
    await f.runtime.start();
    const t = f.runtime.timers.create('s', { durationMs: 60_000, message: 'done' });
    f.clock.advance(10_000);
    expect(f.runtime.timers.pause('s', t.id).remainingMs).toBe(50_000);
    f.clock.advance(100_000);
    expect(f.notifications).toEqual([]);
    f.runtime.timers.resume('s', t.id);
    expect(f.runtime.timers.adjust('s', t.id, 30_000).remainingMs).toBe(80_000);
    expect(() => f.runtime.timers.cancel('other-skill', t.id)).toThrow(/no timer/);
    f.clock.advance(80_000);
    expect(f.notifications).toEqual([{ message: 'done' }]);
    await f.close();
  });
});
