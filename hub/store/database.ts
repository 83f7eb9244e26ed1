import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** FULL (default): a commit survives power loss. NORMAL: it survives `kill -9` but an OS crash or power loss may lose the last commits. */
  synchronous?: 'FULL' | 'NORMAL';
}

/**
 * Opens one of the hub's SQLite files. WAL with synchronous=FULL unless asked otherwise: a committed
 * transaction survives `kill -9` and power loss; readers never block the writer.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

export interface Migration {
  /** 1, 2, 3… within its module; never renumber or edit a migration that has shipped. */
  version: number;
  description: string;
  up: string | ((db: Db) => void);
}

/**
 * Numbered migrations, tracked per module so each module owns its own tables
 * and numbering without colliding with the others.
 */
export function applyMigrations(db: Db, module: string, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    module TEXT NOT NULL, version INTEGER NOT NULL, description TEXT NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (module, version))`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations WHERE module = ?').pluck().all(module) as number[],
  );
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (const m of sorted) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.prepare('INSERT INTO schema_migrations (module, version, description, applied_at) VALUES (?, ?, ?, ?)').run(
        module,
        m.version,
        m.description,
        new Date().toISOString(),
      );
    })();
  }
}
