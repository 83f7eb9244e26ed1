/**
 * Time for simulated firmware. Same shape as the hub's Clock, redeclared here because
 * firmware-sim may only depend on the public SDK.
 */
export interface SimTimer {
  readonly id: number;
}

export interface SimClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): SimTimer;
  clearTimeout(handle: SimTimer): void;
}

export const realClock: SimClock = (() => {
  const timers = new Map<number, NodeJS.Timeout>();
  let next = 1;
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const id = next++;
      const timer = setTimeout(() => {
        timers.delete(id);
        fn();
      }, ms);
      timers.set(id, timer);
      return { id };
    },
    clearTimeout(handle) {
      const timer = timers.get(handle.id);
      if (timer) clearTimeout(timer);
      timers.delete(handle.id);
    },
  };
})();

/** Virtual time for tests: nothing happens until `advance` moves the clock. */
export class VirtualClock implements SimClock {
  private current: number;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  constructor(start = Date.UTC(2026, 0, 1, 8, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): SimTimer {
    const id = this.nextId++;
    this.pending.set(id, { at: this.current + Math.max(0, ms), fn });
    return { id };
  }

  clearTimeout(handle: SimTimer): void {
    this.pending.delete(handle.id);
  }

  get pendingTimers(): number {
    return this.pending.size;
  }

  /** Moves time forward, firing due timers in time order; timers set while firing are honoured. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      let dueId: number | undefined;
      let dueAt = Infinity;
      for (const [id, timer] of this.pending) {
        if (timer.at <= target && timer.at < dueAt) {
          dueAt = timer.at;
          dueId = id;
        }
      }
      if (dueId === undefined) break;
      const timer = this.pending.get(dueId)!;
      this.pending.delete(dueId);
      this.current = timer.at;
      timer.fn();
    }
    this.current = target;
  }
}
