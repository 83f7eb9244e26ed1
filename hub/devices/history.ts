/**
 * A device's numeric and on/off state over time, for the dashboard's charts. Listens to
 * `deviceStateChanged` on the bus (the registry is not touched), keeps the newest `maxRowsPerDevice`
 * readings per device in SQLite, and forgets a removed device's readings.
 *
 * State changes can come in bursts of hundreds per second, so readings are buffered and written once per
 * `flushMs` instead of one fsync each; a query flushes first, so it never misses any. Under load (1,000
 * devices × 10 messages/s = 30,000 readings/s) one transaction of everything held the event loop for
 * 100–300 ms each second. So the timer sorts the readings by device (index inserts then touch neighbouring
 * pages: measured 36 % less work than in arrival order), writes FLUSH_CHUNK of them per transaction on
 * successive turns (chunks of arrival-ordered readings would each dirty every device's index pages: twice
 * the work), and prunes a device's old readings only after 10 % slack (always before it is queried).
 * Past COALESCE_ABOVE readings in one interval, only the newest per device attribute is kept for it.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { Statement } from 'better-sqlite3';
import { applyMigrations, type Db, type Migration } from '../store/database.js';

export interface HistoryPoint {
  at: number;
  value: number;
}

export interface DeviceHistoryOptions {
  /** Its own file in the hub (`openHistoryDatabase`, history-database.ts), so its writes stay off hearth.db. */
  db: Db;
  bus: EventBus<HubEvents>;
  clock: Clock;
  log: Logger;
  /** Readings kept per device (all attributes together); older ones are deleted. */
  maxRowsPerDevice?: number;
  flushMs?: number;
}

const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'numeric and boolean device state readings for the history charts',
    up: `CREATE TABLE device_state_history (
      id INTEGER PRIMARY KEY AUTOINCREMENT, device_id TEXT NOT NULL, attribute TEXT NOT NULL, at INTEGER NOT NULL, value REAL NOT NULL);
    CREATE INDEX device_state_history_device ON device_state_history (device_id, id);`,
  },
];

export function applyHistoryMigrations(db: Db): void {
  applyMigrations(db, 'device-history', migrations);
}

/** Booleans chart as 0/1; strings, objects and non-finite numbers are not charted. */
export function chartableValue(raw: unknown): number | undefined {
  const value = typeof raw === 'boolean' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

interface Reading {
  deviceId: string;
  attribute: string;
  at: number;
  value: number;
}

/**
 * Buffered readings beyond which a flush interval keeps only the newest reading per device attribute.
 * Measured at 1,000 devices × 10 state messages/s (30,000 readings/s, bench/fan-in.ts): writing every reading
 * made the hub's p50 latency go from 2.5 to 100–140 ms once the table held 2,000 readings per device, with the
 * event loop held up to ~350 ms; each second dirtied index pages of every device in hearth.db (synchronous=FULL),
 * whose WAL checkpoints run on the event loop. A household's normal rates stay far below this limit.
 */
export const COALESCE_ABOVE = 2000;
/** Readings per transaction when the timer flushes; the rest follow on the next turns. */
export const FLUSH_CHUNK = 1000;
/** New readings a device may have beyond `maxRowsPerDevice` before its old ones are deleted. */
const pruneSlack = (maxRows: number) => Math.max(1, Math.floor(maxRows / 10));

interface Statements {
  insert: Statement;
  prune: Statement;
}

export class DeviceHistory {
  readonly maxRowsPerDevice: number;
  private readonly flushMs: number;
  private buffer: Reading[] = [];
  /** Beyond COALESCE_ABOVE buffered readings: device → attribute → its buffered reading (no key string built per reading). */
  private coalesced = new Map<string, Map<string, Reading>>();
  /** Readings taken from the buffer by the timer, sorted by device, written chunk by chunk. */
  private sorted: Reading[] = [];
  private timer: TimerHandle | undefined;
  private statements: Statements | undefined;
  /** Readings written per device since it was last pruned. */
  private readonly unpruned = new Map<string, number>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly deps: DeviceHistoryOptions) {
    this.maxRowsPerDevice = deps.maxRowsPerDevice ?? 2000;
    this.flushMs = deps.flushMs ?? 1000;
  }

  async start(): Promise<void> {
    applyHistoryMigrations(this.deps.db);
    const { bus } = this.deps;
    this.unsubscribe.push(
      bus.on('deviceStateChanged', (e) => this.record(e.deviceId, e.changed)),
      bus.on('deviceRemoved', (e) => this.forget(e.deviceId)),
    );
  }

  async stop(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    this.flush();
  }

  record(deviceId: string, changed: Record<string, unknown>, at = this.deps.clock.now()): void {
    // for…in, not Object.keys: no array per state message (`changed` is a plain object of own attributes).
    for (const attribute in changed) {
      const value = chartableValue(changed[attribute]);
      if (value === undefined) continue;
      if (this.buffer.length < COALESCE_ABOVE) {
        this.buffer.push({ deviceId, attribute, at, value });
        continue;
      }
      // Under a flood, one reading per device attribute per flush: the newest replaces the one buffered.
      let byAttribute = this.coalesced.get(deviceId);
      if (!byAttribute) this.coalesced.set(deviceId, (byAttribute = new Map()));
      const buffered = byAttribute.get(attribute);
      if (buffered) {
        buffered.at = at;
        buffered.value = value;
      } else {
        const reading = { deviceId, attribute, at, value };
        this.buffer.push(reading);
        byAttribute.set(attribute, reading);
      }
    }
    if (this.buffer.length > 0 && this.timer === undefined)
      this.timer = this.deps.clock.setTimeout(() => this.flushInChunks(), this.flushMs);
  }

  /** Readings of one device since `since` (ms), oldest first, by attribute. */
  query(deviceId: string, since = 0): Record<string, HistoryPoint[]> {
    this.flush();
    if (this.unpruned.has(deviceId)) this.write([], [deviceId]);
    const rows = this.deps.db
      .prepare('SELECT attribute, at, value FROM device_state_history WHERE device_id = ? AND at >= ? ORDER BY id')
      .all(deviceId, since) as { attribute: string; at: number; value: number }[];
    const out: Record<string, HistoryPoint[]> = {};
    for (const row of rows) (out[row.attribute] ??= []).push({ at: row.at, value: row.value });
    return out;
  }

  /** Writes every buffered reading now (before a query, and on stop). */
  flush(): void {
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const all = this.sorted.concat(this.buffer);
    this.sorted = [];
    this.buffer = [];
    this.coalesced = new Map();
    this.writeReadings(all);
  }

  private flushInChunks(): void {
    this.timer = undefined;
    if (this.sorted.length === 0) {
      // Stable sort: each device's readings keep their order, so ids still follow time per device.
      this.sorted = this.buffer.sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0));
      this.buffer = [];
      this.coalesced = new Map();
    }
    const chunk = this.sorted.length <= FLUSH_CHUNK ? this.sorted : this.sorted.slice(0, FLUSH_CHUNK);
    this.sorted = this.sorted.length <= FLUSH_CHUNK ? [] : this.sorted.slice(FLUSH_CHUNK);
    this.writeReadings(chunk);
    if (this.sorted.length > 0) this.timer = this.deps.clock.setTimeout(() => this.flushInChunks(), 0);
    else if (this.buffer.length > 0) this.timer = this.deps.clock.setTimeout(() => this.flushInChunks(), this.flushMs);
  }

  private writeReadings(readings: readonly Reading[]): void {
    if (readings.length === 0) return;
    const slack = pruneSlack(this.maxRowsPerDevice);
    const toPrune = new Set<string>();
    for (const r of readings) {
      const count = (this.unpruned.get(r.deviceId) ?? 0) + 1;
      this.unpruned.set(r.deviceId, count);
      if (count >= slack) toPrune.add(r.deviceId);
    }
    this.write(readings, [...toPrune]);
  }

  private write(readings: readonly Reading[], toPrune: readonly string[]): void {
    const { db } = this.deps;
    try {
      const { insert, prune } = (this.statements ??= {
        insert: db.prepare('INSERT INTO device_state_history (device_id, attribute, at, value) VALUES (?, ?, ?, ?)'),
        prune: db.prepare(`DELETE FROM device_state_history WHERE device_id = ? AND id <= (
          SELECT id FROM device_state_history WHERE device_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`),
      });
      db.transaction(() => {
        for (const r of readings) insert.run(r.deviceId, r.attribute, r.at, r.value);
        for (const deviceId of toPrune) prune.run(deviceId, deviceId, this.maxRowsPerDevice);
      })();
      for (const deviceId of toPrune) this.unpruned.delete(deviceId);
    } catch (err) {
      // Losing a chart's readings must never break state handling; the log says why.
      this.deps.log.warn({ err, readings: readings.length }, 'could not store device state history');
    }
  }

  private forget(deviceId: string): void {
    this.buffer = this.buffer.filter((r) => r.deviceId !== deviceId);
    this.coalesced.delete(deviceId);
    this.sorted = this.sorted.filter((r) => r.deviceId !== deviceId);
    this.unpruned.delete(deviceId);
    this.deps.db.prepare('DELETE FROM device_state_history WHERE device_id = ?').run(deviceId);
  }
}
