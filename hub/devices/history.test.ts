import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import { silentLogger } from '../core/logger.js';
import { openDatabase, type Db } from '../store/database.js';
import { COALESCE_ABOVE, DeviceHistory, FLUSH_CHUNK } from './history.js';

let dir: string;
let db: Db;
let clock: ManualClock;
let bus: EventBus<HubEvents>;
let history: DeviceHistory;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-history-'));
  db = openDatabase(join(dir, 'hearth.db'));
  clock = new ManualClock();
  bus = new EventBus<HubEvents>(silentLogger);
  history = new DeviceHistory({ db, bus, clock, log: silentLogger, maxRowsPerDevice: 5, flushMs: 1000 });
  await history.start();
});
afterEach(async () => {
  await history.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const change = (deviceId: string, changed: Record<string, unknown>) =>
  bus.emit('deviceStateChanged', { deviceId, state: changed, changed });
const rows = (deviceId: string) =>
  db.prepare('SELECT COUNT(*) FROM device_state_history WHERE device_id = ?').pluck().get(deviceId) as number;

describe('DeviceHistory', () => {
  it('writes buffered readings once per flush interval, and a query sees unflushed ones', () => {
    change('fan', { power_w: 12.5 });
    change('fan', { power_w: 13 });
    expect(rows('fan')).toBe(0);
    clock.advance(1000);
    expect(rows('fan')).toBe(2);
    change('fan', { power_w: 14 });
    expect(history.query('fan').power_w?.map((p) => p.value)).toEqual([12.5, 13, 14]);
  });

  it('keeps only the newest readings per device, and leaves other devices alone', () => {
    for (let i = 0; i < 8; i++) {
      change('fan', { power_w: i });
      clock.advance(10);
    }
    change('lamp', { brightness: 50 });
    expect(history.query('fan').power_w?.map((p) => p.value)).toEqual([3, 4, 5, 6, 7]);
    expect(history.query('lamp').brightness).toHaveLength(1);
  });

  it('skips text, objects and non-finite numbers, and forgets a removed device', () => {
    change('lamp', { state: 'on', color: { r: 1 }, brightness: Number.NaN, on: true });
    expect(history.query('lamp')).toEqual({ on: [{ at: clock.now(), value: 1 }] });
    bus.emit('deviceRemoved', { deviceId: 'lamp' });
    expect(history.query('lamp')).toEqual({});
  });

  it('under a burst, the timer writes in chunks on successive turns and loses nothing', async () => {
    const delays: number[] = [];
    const counting = {
      now: () => clock.now(),
      setTimeout: (fn: () => void, ms: number) => (delays.push(ms), clock.setTimeout(fn, ms)),
      clearTimeout: (h: never) => clock.clearTimeout(h),
    };
    const burst = new DeviceHistory({
      db,
      bus: new EventBus<HubEvents>(silentLogger),
      clock: counting,
      log: silentLogger,
      maxRowsPerDevice: 100_000,
      flushMs: 1000,
    });
    await burst.start();
    for (let i = 0; i < FLUSH_CHUNK * 2 + 10; i++) burst.record(`dev-${i % 50}`, { power_w: i });
    clock.advance(1000);
    expect(delays).toEqual([1000, 0, 0]);
    expect(db.prepare('SELECT COUNT(*) FROM device_state_history').pluck().get()).toBe(FLUSH_CHUNK * 2 + 10);
    // Written sorted by device, yet each device's readings come back in the order they happened.
    const values = burst.query('dev-7').power_w!.map((p) => p.value);
    expect(values).toEqual(Array.from({ length: values.length }, (_, i) => 7 + i * 50));
    await burst.stop();
  });

  it('prunes a busy device lazily, but a query always sees exactly the newest readings', () => {
    const lazy = new DeviceHistory({ db, bus, clock, log: silentLogger, maxRowsPerDevice: 20, flushMs: 1000 });
    for (let i = 0; i < 41; i++) lazy.record('fan', { power_w: i });
    clock.advance(1000);
    const stored = rows('fan');
    expect(stored).toBeGreaterThanOrEqual(20);
    expect(stored).toBeLessThanOrEqual(22);
    expect(lazy.query('fan').power_w?.map((p) => p.value)).toEqual(Array.from({ length: 20 }, (_, i) => 21 + i));
    expect(rows('fan')).toBe(20);
  });

  it('keeps every reading at normal rates, and only the newest per device attribute once a flush interval floods', () => {
    const flood = new DeviceHistory({ db, bus, clock, log: silentLogger, maxRowsPerDevice: 100_000, flushMs: 1000 });
    for (let i = 0; i < COALESCE_ABOVE; i++) flood.record(`dev-${i % 100}`, { power_w: i });
    for (let i = 0; i < 50; i++) flood.record('fan', { power_w: 1000 + i, on: i % 2 === 0 });
    clock.advance(1000);
    expect(rows('dev-3')).toBe(COALESCE_ABOVE / 100);
    expect(flood.query('fan')).toEqual({
      power_w: [{ at: clock.now() - 1000, value: 1049 }],
      on: [{ at: clock.now() - 1000, value: 0 }],
    });
    // The next interval starts afresh: every reading is kept again.
    flood.record('fan', { power_w: 1 });
    flood.record('fan', { power_w: 2 });
    expect(flood.query('fan').power_w?.map((p) => p.value)).toEqual([1049, 1, 2]);
  });
});
