/**
 * Device history's own SQLite file (`<dataDir>/history.db`), apart from `hearth.db`. Under load (1,000 devices ×
 * 10 messages/s) history's commits and WAL checkpoints on `hearth.db` (synchronous=FULL) held the event loop
 * 35–72 ms at p99 (bench/fan-in.ts). synchronous=NORMAL: a commit survives `kill -9` of the hub, but an OS
 * crash or power loss may lose the last second or so of chart readings, which is acceptable for charts and
 * never touches devices, orders or credentials.
 */
import { join } from 'node:path';
import { openDatabase, type Db } from '../store/database.js';
import { applyHistoryMigrations } from './history.js';

export const HISTORY_DB_FILE = 'history.db';

export function openHistoryDatabase(dataDir: string): Db {
  const db = openDatabase(join(dataDir, HISTORY_DB_FILE), { synchronous: 'NORMAL' });
  applyHistoryMigrations(db);
  return db;
}

/**
 * Before history had its own file its readings lived in `hearth.db`: copies them over once (keeping their
 * order), then drops the old table and its migration record, so an upgraded hub keeps its charts. If the hub
 * stopped between the copy and the drop, history.db already holds the rows and they are not copied twice.
 */
export function moveLegacyHistory(mainDb: Db, mainFile: string, historyDb: Db): number {
  const legacy = mainDb
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'device_state_history'")
    .get();
  if (!legacy) return 0;
  const alreadyCopied = historyDb.prepare('SELECT 1 FROM device_state_history LIMIT 1').get() !== undefined;
  const moved = alreadyCopied ? 0 : copyFrom(mainFile, historyDb);
  mainDb.transaction(() => {
    mainDb.exec('DROP TABLE device_state_history');
    mainDb.prepare("DELETE FROM schema_migrations WHERE module = 'device-history'").run();
  })();
  return moved;
}

function copyFrom(mainFile: string, historyDb: Db): number {
  historyDb.prepare('ATTACH DATABASE ? AS legacy').run(mainFile);
  try {
    return historyDb.transaction(
      () =>
        historyDb
          .prepare(`INSERT INTO main.device_state_history (device_id, attribute, at, value)
      SELECT device_id, attribute, at, value FROM legacy.device_state_history ORDER BY id`)
          .run().changes,
    )();
  } finally {
    historyDb.exec('DETACH DATABASE legacy');
  }
}
