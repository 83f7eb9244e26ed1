/**
 * Moves history.db's WAL checkpoints off the event loop. SQLite runs an automatic checkpoint inside the commit
 * that fills the WAL past 1,000 pages, on the committing thread: with 1,000-reading chunks into a full table
 * that commit took ~19 ms instead of ~4 ms (measured, 1,000 devices × 2,000 readings), and longer while the
 * machine was busy. Here the hub's connection stops checkpointing and a worker thread with its own connection
 * runs a PASSIVE checkpoint every `everyMs` (WAL mode lets it copy pages while the hub keeps writing).
 * If the worker dies, the hub's connection checkpoints automatically again.
 * A worker thread costs ~9 MB of RSS (its own V8 isolate), more than a household's history will ever need: it
 * starts only once the hub writes `busyRowsPerSecond` readings a second (a few hundred busy devices), and until
 * then SQLite's own checkpoints, on a WAL that small, take well under a millisecond.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../core/logger.js';
import type { Db } from '../store/database.js';

export interface HistoryCheckpointerOptions {
  db: Db;
  log: Logger;
  everyMs?: number;
  /** History rows written per second from which checkpoints move to the worker (0: from the start). */
  busyRowsPerSecond?: number;
}

const DEFAULT_BUSY_ROWS_PER_SECOND = 2000;

const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

// CommonJS source, so the worker needs no TypeScript loader; the driver's path comes from this module's resolution.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage({ error: String(err) }); }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export class HistoryCheckpointer {
  private worker: Worker | undefined;
  private starting: Promise<void> | undefined;
  private stopping = false;
  private watch: NodeJS.Timeout | undefined;

  constructor(private readonly deps: HistoryCheckpointerOptions) {}

  async start(): Promise<void> {
    const busyRows = this.deps.busyRowsPerSecond ?? DEFAULT_BUSY_ROWS_PER_SECOND;
    if (busyRows <= 0) return this.startWorker();
    const everyMs = this.deps.everyMs ?? 1000;
    const changes = this.deps.db.prepare('SELECT total_changes()').pluck();
    let last = changes.get() as number;
    this.watch = setInterval(() => {
      const now = changes.get() as number;
      const perSecond = ((now - last) * 1000) / everyMs;
      last = now;
      if (perSecond >= busyRows && !this.worker && !this.starting) {
        this.deps.log.info(
          { perSecond: Math.round(perSecond) },
          'device history is busy: checkpoints move to a worker thread',
        );
        this.starting = this.startWorker()
          .catch((err) => this.deps.log.warn({ err }, 'history checkpoint worker did not start'))
          .finally(() => (this.starting = undefined));
      }
    }, everyMs).unref();
  }

  /** Whether checkpoints run in the worker thread now. */
  get offThread(): boolean {
    return this.worker !== undefined;
  }

  private async startWorker(): Promise<void> {
    const { db, log } = this.deps;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: db.name,
        everyMs: this.deps.everyMs ?? 1000,
      },
    });
    worker.on('message', (m: { error?: string }) => log.warn({ error: m.error }, 'history checkpoint failed'));
    worker.on('error', (err) =>
      log.warn({ err }, 'history checkpoint worker failed; checkpointing on the main thread again'),
    );
    worker.on('exit', () => {
      this.worker = undefined;
      if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    });
    await new Promise<void>((resolve, reject) => worker.once('online', resolve).once('error', reject));
    db.pragma('wal_autocheckpoint = 0');
    this.worker = worker;
  }

  async stop(): Promise<void> {
    clearInterval(this.watch);
    this.watch = undefined;
    await this.starting;
    const worker = this.worker;
    if (!worker || this.stopping) return;
    this.stopping = true;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
    this.stopping = false;
  }
}
