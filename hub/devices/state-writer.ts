/**
 * Last-state persistence, coalesced: a device's state/availability/last-seen is written at most once per
 * interval, the dirty devices in transactions of STATE_FLUSH_CHUNK rows on successive turns. With synchronous=FULL every commit is an fsync, so one
 * write per state message capped the hub at a few hundred messages per second. What a crash can lose is
 * at most one interval of last-state, which the broker's retained state message gives back on restart (or,
 * if the broker's write-behind lost it too, the device when it reconnects).
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../store/database.js';
import type { Device } from '../sdk/index.js';
import type { DeviceStore } from './device-store.js';

export const STATE_FLUSH_INTERVAL_MS = 1000;
/**
 * Rows per transaction when flushing on the timer; larger backlogs are written on successive event-loop turns.
 * A row costs ~3-5 µs; the commit's fsync (synchronous=FULL) is what costs: with chunks of 100, 1,000 changing
 * devices made 10 fsyncs a second, ~7 % of the hub's time under load (bench/fan-in.ts profile). A
 * 1,000-row transaction holds the loop ~3-5 ms plus one fsync.
 */
export const STATE_FLUSH_CHUNK = 1000;

export class CoalescingStateWriter {
  /** The live device objects: what is written is their state at flush time, the newest. */
  private readonly dirty = new Map<string, Device>();
  private timer: TimerHandle | undefined;

  constructor(
    private readonly deps: { db: Db; store: DeviceStore; clock: Clock; log: Logger },
    private readonly intervalMs = STATE_FLUSH_INTERVAL_MS,
  ) {}

  /** Marks the device for the next flush; no snapshot is taken per message (the flush reads the device then). */
  save(device: Device): void {
    this.dirty.set(device.id, device);
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
    const rows: [string, Device][] = [];
    for (const entry of this.dirty) {
      if (rows.length >= limit) break;
      rows.push(entry);
    }
    for (const [id] of rows) this.dirty.delete(id);
    // Each device is serialised on its own first: one that cannot be (it should not get past the state limits,
    // state-limits.ts) is logged and skipped, and never again stops the other devices' saves (a shared
    // transaction that threw was retried forever, saving nobody). A failing transaction is the database's
    // trouble, and all its rows are retried.
    const serialised: [id: string, state: string, device: Device][] = [];
    for (const [id, d] of rows) {
      try {
        serialised.push([id, JSON.stringify(d.state), d]);
      } catch (err) {
        this.deps.log.error(
          { err, deviceId: id },
          'device state cannot be saved (not serialisable); it stays in memory only',
        );
      }
    }
    try {
      this.deps.db.transaction(() => {
        for (const [id, state, d] of serialised) this.deps.store.saveState(id, state, d.available, d.lastSeen);
      })();
    } catch (err) {
      this.deps.log.error(
        { err, devices: rows.length },
        'could not persist device state; it is kept in memory and retried',
      );
      for (const [id, d] of rows) if (!this.dirty.has(id)) this.dirty.set(id, d);
      this.timer ??= this.deps.clock.setTimeout(() => this.flushInChunks(), this.intervalMs * 4);
    }
  }
}
