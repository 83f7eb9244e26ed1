import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { silentLogger } from '../core/logger.js';
import { applyMigrations, openDatabase, type Db } from '../store/database.js';
import type { Device } from '../sdk/index.js';
import { DeviceStore } from './device-store.js';
import { deviceMigrations } from './migrations.js';
import { CoalescingStateWriter, STATE_FLUSH_CHUNK } from './state-writer.js';

describe('CoalescingStateWriter', () => {
  let dir: string;
  let db: Db;
  let store: DeviceStore;
  let clock: ManualClock;
  const device = (state: Record<string, unknown>): Device => ({
    id: 'lamp',
    name: 'Lamp',
    aliases: [],
    type: 'light',
    driver: 'hearth',
    origin: 'api',
    capabilities: [],
    state,
    available: true,
    lastSeen: '2026-01-01T00:00:00.000Z',
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-state-writer-'));
    db = openDatabase(join(dir, 'hearth.db'));
    applyMigrations(db, 'devices', deviceMigrations);
    store = new DeviceStore(db);
    store.upsert(device({}), '2026-01-01T00:00:00.000Z');
    clock = new ManualClock(0);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = () => store.all().find((d) => d.id === 'lamp')!.state;

  it('writes only the latest state, once, after the interval', () => {
    const writer = new CoalescingStateWriter({ db, store, clock, log: silentLogger }, 100);
    for (let n = 1; n <= 50; n++) writer.save(device({ n }));
    expect(writer.pending).toBe(1);
    expect(stored()).toEqual({});
    clock.advance(100);
    expect(stored()).toEqual({ n: 50 });
    expect(writer.pending).toBe(0);
  });

  it('writes a large backlog in chunks on successive turns', () => {
    const count = STATE_FLUSH_CHUNK + 50;
    for (let i = 0; i < count; i++) store.upsert({ ...device({}), id: `d${i}` }, '2026-01-01T00:00:00.000Z');
    const writer = new CoalescingStateWriter({ db, store, clock, log: silentLogger }, 100);
    for (let i = 0; i < count; i++) writer.save({ ...device({ i }), id: `d${i}` });
    const written = () => store.all().filter((d) => d.id.startsWith('d') && 'i' in d.state).length;
    const transaction = db.transaction.bind(db);
    let transactions = 0;
    db.transaction = ((fn: () => void) => {
      transactions++;
      return transaction(fn);
    }) as typeof db.transaction;
    clock.advance(100);
    expect(written()).toBe(count);
    expect(transactions).toBe(2);
    expect(writer.pending).toBe(0);
  });

  it('flush() writes at once (used on stop) and forget() drops a removed device', () => {
    const writer = new CoalescingStateWriter({ db, store, clock, log: silentLogger }, 100);
    writer.save(device({ on: true }));
    writer.flush();
    expect(stored()).toEqual({ on: true });
    writer.save(device({ on: false }));
    writer.forget('lamp');
    clock.advance(1000);
    expect(stored()).toEqual({ on: true });
  });

  it('saves every other device when one state cannot be serialised, and does not retry that one forever', () => {
    store.upsert({ ...device({}), id: 'door' }, '2026-01-01T00:00:00.000Z');
    const writer = new CoalescingStateWriter({ db, store, clock, log: silentLogger }, 100);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    writer.save({ ...device(circular), id: 'door' });
    writer.save(device({ on: true }));
    clock.advance(100);
    expect(stored()).toEqual({ on: true });
    expect(store.all().find((d) => d.id === 'door')!.state).toEqual({});
    expect(writer.pending).toBe(0);
    writer.save(device({ on: false }));
    clock.advance(100);
    expect(stored()).toEqual({ on: false });
  });
});
