import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { silentLogger } from '../../core/logger.js';
import { openDatabase, type Db } from '../../store/database.js';
import { SqliteChannelMeanStore } from '../channel-mean-store.js';
import { ChannelMeans } from './channel-means.js';

const MODEL = [40, 3, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const KITCHEN = [44.5, -2, -6.5, 18, -12, 0, 0.5, -20, -1, -12, 8, -3.5, -5];
const HALL = [47, 1, -3, 10, -8, 2, 1, -15, 0, -9, 5, -2, -3];

let dir: string;
let db: Db;
let clock: ManualClock;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-cmn-'));
  db = openDatabase(join(dir, 'hearth.db'));
  clock = new ManualClock();
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function recordingLogger(lines: { obj: unknown; msg: string }[]): Logger {
  const log = Object.create(silentLogger) as Logger;
  log.warn = ((obj: unknown, msg: string) => void lines.push({ obj, msg })) as Logger['warn'];
  return log;
}

const fresh = (log: Logger = silentLogger) => {
  const means = new ChannelMeans({ initial: MODEL, store: new SqliteChannelMeanStore(db, clock), log });
  means.load();
  return means;
};

describe('ChannelMeans', () => {
  it('keeps a separate mean per source, each starting from the model mean', () => {
    const means = fresh();
    expect(means.meanFor('satellite:kitchen')).toEqual(MODEL);
    means.adapt('satellite:kitchen', KITCHEN, 200);
    means.adapt('satellite:hall', HALL, 200);
    means.adapt('satellite:hall', HALL, 200);
    expect(means.meanFor('satellite:kitchen')).toEqual(KITCHEN);
    expect(means.meanFor('satellite:hall')).toEqual(HALL);
    expect(means.meanFor('mic:default')).toEqual(MODEL);
    expect([
      means.utterancesOf('satellite:kitchen'),
      means.utterancesOf('satellite:hall'),
      means.utterancesOf('mic:default'),
    ]).toEqual([1, 2, 0]);
  });

  it('persists the means across a restart (a new instance over the same SQLite file)', () => {
    const before = fresh();
    before.adapt('satellite:kitchen', KITCHEN, 200);
    before.adapt('api', HALL, 200);
    before.flush();
    db.close();
    db = openDatabase(join(dir, 'hearth.db'));
    const after = fresh();
    expect(after.meanFor('satellite:kitchen')).toEqual(KITCHEN);
    expect(after.meanFor('api')).toEqual(HALL);
    expect(after.utterancesOf('api')).toBe(1);
    expect(after.meanFor('satellite:new')).toEqual(MODEL);
  });

  it('ignores a bad stored row with a log line, and keeps the good ones', () => {
    const seeded = fresh();
    seeded.adapt('satellite:kitchen', KITCHEN, 200);
    seeded.adapt('satellite:hall', HALL, 200);
    seeded.adapt('api', HALL, 200);
    seeded.flush();
    db.prepare('UPDATE voice_channel_means SET mean = ? WHERE source = ?').run('[1, 2, "x"', 'satellite:hall');
    db.prepare('UPDATE voice_channel_means SET mean = ? WHERE source = ?').run(JSON.stringify([1, 2, 3]), 'api');
    const lines: { obj: unknown; msg: string }[] = [];
    const means = fresh(recordingLogger(lines));
    expect(means.meanFor('satellite:kitchen')).toEqual(KITCHEN);
    expect(means.meanFor('satellite:hall')).toEqual(MODEL);
    expect(means.meanFor('api')).toEqual(MODEL);
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(
      expect.arrayContaining([
        {
          obj: { source: 'satellite:hall', problem: 'mean is not a JSON array of numbers' },
          msg: expect.stringContaining('ignored'),
        },
        {
          obj: { source: 'api', problem: 'mean has 3 values, the model needs 13' },
          msg: expect.stringContaining('ignored'),
        },
      ]),
    );
    // The source adapts again and its next save replaces the bad row.
    means.adapt('satellite:hall', HALL, 200);
    means.flush();
    expect(fresh().meanFor('satellite:hall')).toEqual(HALL);
  });

  it("takes a new source's own mean after its first utterance, then averages over a 5 s window", () => {
    const means = fresh();
    expect(means.isCold('mic:default')).toBe(true);
    means.adapt('mic:default', KITCHEN, 60);
    expect(means.meanFor('mic:default')).toEqual(KITCHEN);
    expect(means.isCold('mic:default')).toBe(true); // 0.6 s of speech is not enough to trust
    means.adapt('mic:default', HALL, 60);
    means.meanFor('mic:default').forEach((v, k) => expect(v).toBeCloseTo((KITCHEN[k]! + HALL[k]!) / 2, 6));
    expect(means.isCold('mic:default')).toBe(false);
    for (let i = 0; i < 10; i++) means.adapt('mic:default', HALL, 100);
    // 1,120 frames heard, but the window holds 500: the old kitchen speech has faded out almost entirely.
    means
      .meanFor('mic:default')
      .forEach((v, k) => expect(Math.abs(v - HALL[k]!)).toBeLessThan(Math.abs(KITCHEN[k]! - HALL[k]!) * 0.1 + 1e-9));
    expect(means.utterancesOf('mic:default')).toBe(12);
  });

  it('drops a mean that is not finite after an utterance, and bounds the number of sources kept', () => {
    const lines: { obj: unknown; msg: string }[] = [];
    const means = new ChannelMeans({
      initial: MODEL,
      store: new SqliteChannelMeanStore(db, clock),
      log: recordingLogger(lines),
      maxSources: 2,
    });
    means.load();
    means.adapt(
      'a',
      KITCHEN.map((v, i) => (i === 3 ? Number.NaN : v)),
      200,
    );
    expect(means.meanFor('a')).toEqual(MODEL);
    expect(lines).toHaveLength(1);
    means.adapt('a', KITCHEN, 200);
    clock.advance(1000);
    means.flush();
    means.adapt('b', HALL, 200);
    means.adapt('c', HALL, 200);
    clock.advance(1000);
    means.flush();
    expect(means.meanFor('a')).toEqual(MODEL);
    expect(db.prepare('SELECT source FROM voice_channel_means ORDER BY source').pluck().all() as string[]).toEqual([
      'b',
      'c',
    ]);
  });
});
