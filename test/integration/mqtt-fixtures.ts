import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../hub/core/event-bus.js';
import type { HubEvents } from '../../hub/core/events.js';
import { silentLogger } from '../../hub/core/logger.js';
import { openDatabase, type Db } from '../../hub/store/database.js';
import { EmbeddedBroker, SqliteCredentialService } from '../../hub/mqtt/index.js';

export interface BrokerFixture {
  dir: string;
  db: Db;
  credentials: SqliteCredentialService;
  bus: EventBus<HubEvents>;
  rejections: HubEvents['inputRejected'][];
  broker: EmbeddedBroker;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startBroker(
  options: {
    allowAnonymous?: boolean;
    maxPayloadBytes?: number;
    dir?: string;
    rejectionsLoggedPerSecond?: number;
  } = {},
): Promise<BrokerFixture> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'hearth-mqtt-'));
  const db = openDatabase(join(dir, 'hub.db'));
  const credentials = new SqliteCredentialService(db);
  const bus = new EventBus<HubEvents>(silentLogger);
  const rejections: HubEvents['inputRejected'][] = [];
  bus.on('inputRejected', (event) => rejections.push(event));
  const make = () =>
    new EmbeddedBroker({
      config: {
        host: '127.0.0.1',
        port: 0,
        allowAnonymous: options.allowAnonymous ?? false,
        maxPayloadBytes: options.maxPayloadBytes ?? 4096,
        ...(options.rejectionsLoggedPerSecond ? { rejectionsLoggedPerSecond: options.rejectionsLoggedPerSecond } : {}),
      },
      dataDir: dir,
      credentials,
      bus,
      log: silentLogger,
    });
  const fixture: BrokerFixture = {
    dir,
    db,
    credentials,
    bus,
    rejections,
    broker: make(),
    async restart() {
      await fixture.broker.stop();
      fixture.broker = make();
      await fixture.broker.start();
    },
    async close() {
      await fixture.broker.stop();
      db.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  await fixture.broker.start();
  return fixture;
}

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a Debian mosquitto client (mosquitto_pub / mosquitto_sub) to completion. */
export function runTool(
  tool: 'mosquitto_pub' | 'mosquitto_sub',
  args: string[],
  timeoutMs = 10_000,
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, ['-V', 'mqttv311', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function waitFor(predicate: () => boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}
