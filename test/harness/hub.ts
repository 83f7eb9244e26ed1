/**
 * A real hub on loopback for integration tests: temp data dir, port 0 for HTTP and MQTT,
 * in-process (`startTestHub`) or as a child process that can be SIGKILLed (`spawnHubProcess`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConfig, type LoadedConfig } from '../../hub/config/load.js';
import type { Clock } from '../../hub/core/clock.js';
import { silentLogger, type Logger } from '../../hub/core/logger.js';
import { createHub, RUNTIME_FILE, type Hub, type RuntimeInfo } from '../../hub/main.js';
import { hubNodeEnv, hubNodeFlags } from './node-flags.js';
import { makeTempDir } from './temp-dir.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** A data dir for a test hub, removed when the test process exits (test/harness/temp-dir.ts). */
export function tempDataDir(prefix = 'hearth-hub-'): string {
  return makeTempDir(prefix);
}

export interface ApiReply<T = any> {
  status: number;
  body: T;
}

/** Calls the hub's API with its token; bodies are parsed JSON (undefined for 204). */
export async function apiCall<T = any>(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiReply<T>> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export interface TestHub {
  hub: Hub;
  dataDir: string;
  runtime: RuntimeInfo;
  token: string;
  api<T = any>(method: string, path: string, body?: unknown): Promise<ApiReply<T>>;
  stop(): Promise<void>;
}

/**
 * A hub config on free loopback ports that logs nothing, for a hub a test or bench creates itself; `sections` adds
 * config sections (e.g. `voice`). startTestHub starts from the same and checks replies too.
 */
export function loopbackHubConfig(dataDir: string, sections: Record<string, unknown> = {}): LoadedConfig {
  return parseConfig({
    logLevel: 'silent',
    dataDir,
    http: { host: '127.0.0.1', port: 0 },
    mqtt: { host: '127.0.0.1', port: 0 },
    ...sections,
  });
}

/** Starts a hub in this process. Pass `dataDir` to restart on the same data. */
export async function startTestHub(
  options: { dataDir?: string; config?: Record<string, unknown>; log?: Logger; clock?: Clock } = {},
): Promise<TestHub> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = parseConfig({
    logLevel: 'silent',
    ...options.config,
    dataDir,
    http: { host: '127.0.0.1', port: 0, checkReplies: true },
    mqtt: { host: '127.0.0.1', port: 0, ...(options.config?.mqtt as object | undefined) },
  });
  const hub = createHub(config, {
    log: options.log ?? silentLogger,
    env: {},
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const runtime = await hub.start();
  const token = hub.token();
  return {
    hub,
    dataDir,
    runtime,
    token,
    api: (method, path, body) => apiCall(runtime.http.url, token, method, path, body),
    stop: () => hub.stop(),
  };
}

export interface HubProcess {
  child: ChildProcess;
  runtime: RuntimeInfo;
  token: string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `hearth <args>` from source in a child process, with output captured. */
/**
 * `hearth <args>` in a child process, from the sources through tsx, or with `entry: 'build'` as users run it
 * (bin/hearth.js on dist/: benchmarks, so tsx's own memory and compile time are not counted).
 */
export function spawnHearth(
  args: string[],
  env: Record<string, string> = {},
  entry: 'source' | 'build' = 'source',
): { child: ChildProcess; output: () => string; exited: HubProcess['exited'] } {
  const program =
    entry === 'build'
      ? [join(REPO_ROOT, 'bin/hearth.js')]
      : ['--import', 'tsx', join(REPO_ROOT, 'hub/cli/dev-entry.ts')];
  if (entry === 'build' && !existsSync(join(REPO_ROOT, 'dist/hub/cli/main.js')))
    throw new Error('Build first: npm run build');
  const child = spawn(process.execPath, [...hubNodeFlags(REPO_ROOT), ...program, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...hubNodeEnv(REPO_ROOT), HEARTH_API_TOKEN: '', HEARTH_CONFIG: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/**
 * Starts `hearth start` on a data dir in a child process and waits until /health says ok. The limit only fires on a
 * hub that never becomes healthy: compiling the sources through tsx alone takes seconds on a loaded 2-core machine, and
 * more than a minute when eight people's work shares it (load 30 on 2 cores, 2026-12-07).
 */
export async function spawnHubProcess(
  dataDir: string,
  extraArgs: string[] = [],
  timeoutMs = 150_000,
  entry: 'source' | 'build' = 'source',
): Promise<HubProcess> {
  const runtimeFile = join(dataDir, RUNTIME_FILE);
  rmSync(runtimeFile, { force: true }); // a SIGKILLed hub leaves its old one behind
  const proc = spawnHearth(
    ['start', '--data-dir', dataDir, '--http-port', '0', '--mqtt-port', '0', '--host', '127.0.0.1', ...extraArgs],
    {
      HEARTH_CONFIG: '',
    },
    entry,
  );
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void proc.exited.then(() => (ended = true));
  while (Date.now() < deadline && !ended) {
    // The hub writes hub.json to a temporary file and renames it (writeRuntimeInfo), so it is whole once it exists.
    if (existsSync(runtimeFile)) {
      const runtime = JSON.parse(readFileSync(runtimeFile, 'utf8')) as RuntimeInfo;
      const health = await fetch(`${runtime.http.url}/api/v1/health`).catch(() => undefined);
      if (health?.status === 200) {
        const token = readFileSync(join(dataDir, 'api-token'), 'utf8').trim();
        return { ...proc, runtime, token };
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  proc.child.kill('SIGKILL');
  throw new Error(`hub process did not become healthy:\n${proc.output()}`);
}
