/**
 * One hub per data directory. The hub claims its data dir before it touches anything in it: the directory must
 * exist or be creatable and writable, and no other hub may hold it. The lock is an exclusive SQLite transaction
 * on `<dataDir>/hub.lock`, so the operating system drops it when the process ends, however it ends: no stale lock
 * after a crash, no pid to trust. A second hub (another process, or this one) fails at once and names the first.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { HubError } from '../sdk/errors.js';
import { RUNTIME_FILE, type RuntimeInfo } from './runtime-info.js';

export const LOCK_FILE = 'hub.lock';

export interface DataDirClaim {
  release(): void;
}

export function claimDataDir(dataDir: string): DataDirClaim {
  prepare(dataDir);
  const file = join(dataDir, LOCK_FILE);
  const lock = new Database(file, { timeout: 0 });
  try {
    lock.pragma('journal_mode = DELETE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY')
      throw new HubError(
        'DATA_DIR_IN_USE',
        `${describeHolder(dataDir)}; stop it first, or start this one with another --data-dir`,
      );
    throw new HubError(
      'CONFIG_INVALID',
      `dataDir: cannot lock ${file} (${(err as Error).message}); pass --data-dir with a directory on a local disk you may write`,
    );
  }
  return {
    release() {
      if (!lock.open) return;
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}

/** Creates the data dir if needed; one clear line when it cannot be used. */
function prepare(dataDir: string): void {
  const shown = resolve(dataDir);
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory())
    throw new HubError(
      'CONFIG_INVALID',
      `dataDir: ${shown} is a file, not a directory; pass --data-dir with a directory`,
    );
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new HubError(
      'CONFIG_INVALID',
      `dataDir: cannot create ${shown} (${reason(err)}); pass --data-dir with a directory you may write`,
    );
  }
  try {
    accessSync(dataDir, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw new HubError(
      'CONFIG_INVALID',
      `dataDir: cannot write in ${shown} (${reason(err)}); pass --data-dir with a directory you may write`,
    );
  }
}

/** "another hub (pid 1234, API http://127.0.0.1:8080, started …) is using the data dir …" from its hub.json. */
function describeHolder(dataDir: string): string {
  const where = `the data dir ${resolve(dataDir)}`;
  try {
    const info = JSON.parse(readFileSync(join(dataDir, RUNTIME_FILE), 'utf8')) as RuntimeInfo;
    return `another hub (pid ${info.pid}, API ${info.http.url}, started ${info.startedAt}) is using ${where}`;
  } catch {
    return `another hub is starting in ${where}`;
  }
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code === 'EACCES'
    ? 'permission denied'
    : e.code === 'ENOTDIR'
      ? 'a part of the path is a file'
      : e.code === 'EROFS'
        ? 'read-only file system'
        : (e.code ?? e.message);
}
