/** Starts test/harness/hub-child.ts: a real hub process on a clock the test moves, that can be SIGKILLed. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { RuntimeInfo } from '../../hub/main.js';
import { apiCall, REPO_ROOT, type ApiReply } from './hub.js';
import { hubNodeEnv, hubNodeFlags } from './node-flags.js';

export interface JumpClockHub {
  child: ChildProcess;
  runtime: RuntimeInfo;
  token: string;
  api<T = any>(method: string, path: string, body?: unknown): Promise<ApiReply<T>>;
  /** Moves the hub's clock ahead; resolves with its new time once due timers have run. */
  advance(ms: number): Promise<number>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  output(): string;
}

export async function spawnJumpClockHub(options: {
  dataDir: string;
  clockStart: number;
  config?: Record<string, unknown>;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<JumpClockHub> {
  const config = {
    logLevel: 'silent',
    ...options.config,
    dataDir: options.dataDir,
    http: { host: '127.0.0.1', port: 0, checkReplies: true },
    mqtt: { host: '127.0.0.1', port: 0 },
  };
  const child = fork(join(REPO_ROOT, 'test/harness/hub-child.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: [...hubNodeFlags(REPO_ROOT), '--import', 'tsx'],
    env: {
      ...process.env,
      ...hubNodeEnv(REPO_ROOT),
      ...options.env,
      HEARTH_CHILD_CONFIG: JSON.stringify(config),
      HEARTH_CHILD_CLOCK: String(options.clockStart),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A hang's limit, never a measure: tsx compiling the hub in a new process took over a minute at load 18.
  const timeoutMs = options.timeoutMs ?? 150_000;
  const ready = await new Promise<{ runtime: RuntimeInfo; token: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hub child did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    child.on('message', (m: { ready?: RuntimeInfo; token?: string }) => {
      if (m.ready && m.token) {
        clearTimeout(timer);
        resolve({ runtime: m.ready, token: m.token });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub child exited (${code}) before it was ready:\n${output}`));
    });
  });
  const advance = (ms: number) =>
    new Promise<number>((resolve) => {
      const onMessage = (m: { now?: number }) => {
        if (typeof m.now === 'number') {
          child.off('message', onMessage);
          resolve(m.now);
        }
      };
      child.on('message', onMessage);
      child.send({ advance: ms });
    });
  return {
    child,
    ...ready,
    api: (method, path, body) => apiCall(ready.runtime.http.url, ready.token, method, path, body),
    advance,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    output: () => output,
  };
}
