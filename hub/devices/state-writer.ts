/**
 * Last-state persistence, coalesced: a device's state/availability/last-seen is written at most once per
 * interval, the dirty devices in transactions of STATE_FLUSH_CHUNK rows on successive turns. With synchronous=FULL every commit is an fsync, so one
 * write per state message capped the hub at a few hundred messages per second. What a crash can lose is
 * at most one interval of last-state, which the broker's retained state message gives back on restart.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../store/database.js';
import type { Device, DeviceState } from '../sdk/index.js';
import type { DeviceStore } from './device-store.js';

interface Snapshot {
  state: DeviceState;
  available: boolean;
  lastSeen: string | undefined;
}

export const STATE_FLUSH_INTERVAL_MS = 1000;
/**
 * Rows per transaction when flushing on the timer; the chunks are written on successive event-loop turns.
 * Measured: ~40 µs per row, so 1,000 devices in one go blocked the loop for ~40 ms every flush.
 */
export const STATE_FLUSH_CHUNK = 100;

export class CoalescingStateWriter {
  private readonly dirty = new Map<string, Snapshot>();
  private timer: TimerHandle | undefined;

  constructor(
    private readonly deps: { db: Db; store: DeviceStore; clock: Clock; log: Logger },
    private readonly intervalMs = STATE_FLUSH_INTERVAL_MS,
  ) {}

  /** Marks the device's current state for the next flush (the state object is replaced, never mutated, on change). */
  save(device: Device): void {
    this.dirty.set(device.id, { state: device.state, available: device.available, lastSeen: device.lastSeen });
    this.timer ??= this.deps.clock.setTimeout(() => this.flushInChunks(), this.intervalMs);
  }

  /** A removed device must not be written back. */
  forget(deviceId: string): void {
    this.dirty.delete(deviceId);
  }

  get pending(): number {
    return this.dirty.size;
  }

  /** Writes every dirty device now, in one transaction (on stop). */
  flush(): void {
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.write(this.dirty.size);
  }

  /** The timer's flush: one chunk now, the rest on the next turns, so no turn holds the loop for long. */
  private flushInChunks(): void {
    this.timer = undefined;
    this.write(STATE_FLUSH_CHUNK);
    if (this.dirty.size > 0) this.timer ??= this.deps.clock.setTimeout(() => this.flushInChunks(), 0);
  }

  private write(limit: number): void {
    if (this.dirty.size === 0) return;
    const rows: [string, Snapshot][] = [];
    for (const entry of this.dirty) {
      if (rows.length >= limit) break;
      rows.push(entry);
    }
    for (const [id] of rows) this.dirty.delete(id);
    try {
      this.deps.db.transaction(() => {
        for (const [id, s] of rows) this.deps.store.saveState(id, s.state, s.available, s.lastSeen);
      })();
    } catch (err) {
      this.deps.log.error({ err, devices: rows.length }, 'could not persist device state; it is kept in memory and retried');
      for (const [id, s] of rows) if (!this.dirty.has(id)) this.dirty.set(id, s);
      this.timer ??= this.deps.clock.setTimeout(() => this.flushInChunks(), this.intervalMs * 4);
    }
  }
}
