/**
 * Wall-clock time that tests can move ahead: time flows as usual (MQTT, the recogniser, satellite timeouts keep
 * working) and `advance(ms)` jumps it forward, firing at once every timer that came due, in order. For alarms at
 * 6:30 tomorrow in a test that lasts seconds.
 */
import type { Clock, TimerHandle } from '../../hub/core/clock.js';

interface Pending {
  due: number;
  fn: () => void;
  real: NodeJS.Timeout;
}

export class JumpClock implements Clock {
  private offset: number;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(start = Date.now()) {
    this.offset = start - Date.now();
  }

  now(): number {
    return Date.now() + this.offset;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.next++;
    const delay = Math.max(0, ms);
    const real = setTimeout(() => this.fire(id), delay);
    real.unref();
    this.pending.set(id, { due: this.now() + delay, fn, real });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    const timer = this.pending.get(handle.id);
    if (timer) clearTimeout(timer.real);
    this.pending.delete(handle.id);
  }

  /** Jumps `ms` ahead; timers due by then run now, earliest first (timers they set that are due run too). */
  advance(ms: number): void {
    this.offset += ms;
    for (;;) {
      const now = this.now();
      let first: [number, Pending] | undefined;
      for (const entry of this.pending)
        if (entry[1].due <= now && (!first || entry[1].due < first[1].due)) first = entry;
      if (!first) return;
      this.fire(first[0]);
    }
  }

  private fire(id: number): void {
    const timer = this.pending.get(id);
    if (!timer) return;
    this.pending.delete(id);
    clearTimeout(timer.real);
    timer.fn();
  }
}
