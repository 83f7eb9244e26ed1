/**
 * A device's numeric and on/off state over time, for the dashboard's charts. Listens to
 * `deviceStateChanged` on the bus (the registry is not touched), keeps the newest `maxRowsPerDevice`
 * readings per device in SQLite, and forgets a removed device's readings.
 *
 * State changes can come in bursts of hundreds per second, so readings are buffered and written in one
 * transaction per `flushMs` instead of one fsync each; a query flushes first, so it never misses any.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import { applyMigrations, type Db, type Migration } from '../store/database.js';

export interface HistoryPoint {
  at: number;
  value: number;
}

export interface DeviceHistoryOptions {
  db: Db;
  bus: EventBus<HubEvents>;
  clock: Clock;
  log: Logger;
  /** Readings kept per device (all attributes together); older ones are deleted. */
  maxRowsPerDevice?: number;
  flushMs?: number;
}

const migrations: readonly Migration[] = [{
  version: 1,
  description: 'numeric and boolean device state readings for the history charts',
  up: `CREATE TABLE device_state_history (
      id INTEGER PRIMARY KEY AUTOINCREMENT, device_id TEXT NOT NULL, attribute TEXT NOT NULL, at INTEGER NOT NULL, value REAL NOT NULL);
    CREATE INDEX device_state_history_device ON device_state_history (device_id, id);`,
}];

/** Booleans chart as 0/1; strings, objects and non-finite numbers are not charted. */
export function chartableValue(raw: unknown): number | undefined {
  const value = typeof raw === 'boolean' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

interface Reading { deviceId: string; attribute: string; at: number; value: number }

export class DeviceHistory {
  readonly maxRowsPerDevice: number;
  private readonly flushMs: number;
  private buffer: Reading[] = [];
  private timer: TimerHandle | undefined;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly deps: DeviceHistoryOptions) {
    this.maxRowsPerDevice = deps.maxRowsPerDevice ?? 2000;
    this.flushMs = deps.flushMs ?? 1000;
  }

  async start(): Promise<void> {
    applyMigrations(this.deps.db, 'device-history', migrations);
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
    for (const [attribute, raw] of Object.entries(changed)) {
      const value = chartableValue(raw);
      if (value !== undefined) this.buffer.push({ deviceId, attribute, at, value });
    }
    if (this.buffer.length > 0 && this.timer === undefined) this.timer = this.deps.clock.setTimeout(() => this.flush(), this.flushMs);
  }

  /** Readings of one device since `since` (ms), oldest first, by attribute. */
  query(deviceId: string, since = 0): Record<string, HistoryPoint[]> {
    this.flush();
    const rows = this.deps.db.prepare('SELECT attribute, at, value FROM device_state_history WHERE device_id = ? AND at >= ? ORDER BY id')
      .all(deviceId, since) as { attribute: string; at: number; value: number }[];
    const out: Record<string, HistoryPoint[]> = {};
    for (const row of rows) (out[row.attribute] ??= []).push({ at: row.at, value: row.value });
    return out;
  }

  flush(): void {
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    const readings = this.buffer;
    this.buffer = [];
    const { db } = this.deps;
    try {
      db.transaction(() => {
        const insert = db.prepare('INSERT INTO device_state_history (device_id, attribute, at, value) VALUES (?, ?, ?, ?)');
        for (const r of readings) insert.run(r.deviceId, r.attribute, r.at, r.value);
        const prune = db.prepare(`DELETE FROM device_state_history WHERE device_id = ? AND id <= (
          SELECT id FROM device_state_history WHERE device_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`);
        for (const deviceId of new Set(readings.map((r) => r.deviceId))) prune.run(deviceId, deviceId, this.maxRowsPerDevice);
      })();
    } catch (err) {
      // Losing a chart's readings must never break state handling; the log says why.
      this.deps.log.warn({ err, readings: readings.length }, 'could not store device state history');
    }
  }

  private forget(deviceId: string): void {
    this.buffer = this.buffer.filter((r) => r.deviceId !== deviceId);
    this.deps.db.prepare('DELETE FROM device_state_history WHERE device_id = ?').run(deviceId);
  }
}
