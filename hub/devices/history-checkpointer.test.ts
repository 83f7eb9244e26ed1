import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/logger.js';
import type { Db } from '../store/database.js';
import { HistoryCheckpointer } from './history-checkpointer.js';
import { openHistoryDatabase } from './history-database.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-history-ckpt-'));
  db = openHistoryDatabase(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (rows: number) => {
  const stmt = db.prepare("INSERT INTO device_state_history (device_id, attribute, at, value) VALUES ('d', 'x', ?, ?)");
  db.transaction(() => {
    for (let i = 0; i < rows; i++) stmt.run(i, i);
  })();
};
const walBytes = () => statSync(`${db.name}-wal`).size;
const autocheckpoint = () => db.pragma('wal_autocheckpoint', { simple: true });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Whether a checkpoint has copied every frame of the WAL into the database, read from the WAL index (the -shm file,
 * native byte order): the header's mxFrame at byte 16 and WalCkptInfo.nBackfill at byte 96 (SQLite's wal.c).
 * Reading it takes no lock and runs no checkpoint, so the test sees the worker's work without doing any itself.
 */
const walCheckpointed = () => {
  const shm = readFileSync(`${db.name}-shm`);
  return shm.readUInt32LE(96) === shm.readUInt32LE(16);
};
const OUTCOME = { timeout: 30_000, interval: 20 };

describe('HistoryCheckpointer', () => {
  it('checkpoints from its worker so the WAL is reused, while the hub connection does not checkpoint', async () => {
    const checkpointer = new HistoryCheckpointer({ db, log: silentLogger, everyMs: 20, busyRowsPerSecond: 0 });
    await checkpointer.start();
    expect(autocheckpoint()).toBe(0);
    insert(40_000); // a few MB of WAL
    const afterOneBatch = walBytes();
    for (let i = 0; i < 4; i++) {
      // The worker checkpoints everything; the next commit starts the WAL over.
      await vi.waitFor(() => expect(walCheckpointed()).toBe(true), OUTCOME);
      insert(40_000);
    }
    expect(walBytes()).toBeLessThan(afterOneBatch * 2);
    await checkpointer.stop();
    expect(autocheckpoint()).toBe(1000);
  });

  it('without it the same writes grow the WAL (what the test above would see if the worker did nothing)', async () => {
    db.pragma('wal_autocheckpoint = 0');
    insert(40_000);
    const afterOneBatch = walBytes();
    for (let i = 0; i < 4; i++) insert(40_000);
    expect(walBytes()).toBeGreaterThan(afterOneBatch * 4);
    expect(walCheckpointed()).toBe(false); // what the test above waits for is not there without a checkpoint
    db.pragma('wal_checkpoint(PASSIVE)');
    expect(walCheckpointed()).toBe(true);
  });

  it('leaves checkpoints to SQLite while history is quiet, and moves them to the worker once it is busy', async () => {
    const checkpointer = new HistoryCheckpointer({ db, log: silentLogger, everyMs: 50, busyRowsPerSecond: 10_000 });
    await checkpointer.start();
    insert(100); // a household's trickle: 2,000 a second at most
    await sleep(120);
    expect(checkpointer.offThread).toBe(false);
    expect(autocheckpoint()).toBe(1000);
    insert(5_000); // 100,000 a second over this 50 ms
    await vi.waitFor(() => expect(checkpointer.offThread).toBe(true), OUTCOME);
    expect(autocheckpoint()).toBe(0);
    await checkpointer.stop();
    expect(autocheckpoint()).toBe(1000);
  });
});
