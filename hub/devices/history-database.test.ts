import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import { silentLogger } from '../core/logger.js';
import { openDatabase, type Db } from '../store/database.js';
import { DeviceHistory } from './history.js';
import { moveLegacyHistory, openHistoryDatabase } from './history-database.js';

let dir: string;
const open: Db[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-history-db-'));
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const track = (db: Db) => (open.push(db), db);

/** A hearth.db as the hub before history.db left it: readings in its own device_state_history table. */
async function legacyMainDb(): Promise<Db> {
  const db = track(openDatabase(join(dir, 'hearth.db')));
  db.exec('CREATE TABLE keep_me (x INTEGER)');
  const history = new DeviceHistory({
    db,
    bus: new EventBus<HubEvents>(silentLogger),
    clock: new ManualClock(1000),
    log: silentLogger,
  });
  await history.start();
  history.record('fan', { power_w: 10 }, 1000);
  history.record('lamp', { on: true }, 1500);
  history.record('fan', { power_w: 12 }, 2000);
  await history.stop();
  return db;
}

describe('history database', () => {
  it('is its own WAL file with synchronous=NORMAL and the history table', () => {
    const db = track(openHistoryDatabase(dir));
    expect(db.name).toBe(join(dir, 'history.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.prepare('SELECT COUNT(*) FROM device_state_history').pluck().get()).toBe(0);
  });

  it('moves readings an older hub kept in hearth.db once, in order, and drops the old table there', async () => {
    const main = await legacyMainDb();
    const historyDb = track(openHistoryDatabase(dir));
    expect(moveLegacyHistory(main, join(dir, 'hearth.db'), historyDb)).toBe(3);

    const history = new DeviceHistory({
      db: historyDb,
      bus: new EventBus<HubEvents>(silentLogger),
      clock: new ManualClock(5000),
      log: silentLogger,
    });
    await history.start();
    expect(history.query('fan')).toEqual({
      power_w: [
        { at: 1000, value: 10 },
        { at: 2000, value: 12 },
      ],
    });
    expect(history.query('lamp')).toEqual({ on: [{ at: 1500, value: 1 }] });
    await history.stop();

    const tables = main.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('device_state_history');
    expect(tables).toContain('keep_me');
    expect(main.prepare("SELECT COUNT(*) FROM schema_migrations WHERE module = 'device-history'").pluck().get()).toBe(
      0,
    );
    expect(moveLegacyHistory(main, join(dir, 'hearth.db'), historyDb)).toBe(0);
    expect(historyDb.prepare('SELECT COUNT(*) FROM device_state_history').pluck().get()).toBe(3);
  });

  it('does not copy twice when the hub stopped after the copy but before the old table was dropped', async () => {
    const main = await legacyMainDb();
    const historyDb = track(openHistoryDatabase(dir));
    historyDb
      .prepare("INSERT INTO device_state_history (device_id, attribute, at, value) VALUES ('fan', 'power_w', 1000, 10)")
      .run();
    expect(moveLegacyHistory(main, join(dir, 'hearth.db'), historyDb)).toBe(0);
    expect(historyDb.prepare('SELECT COUNT(*) FROM device_state_history').pluck().get()).toBe(1);
    expect(main.prepare("SELECT name FROM sqlite_master WHERE name = 'device_state_history'").get()).toBeUndefined();
  });
});
