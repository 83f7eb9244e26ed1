/** Starts bench/load/generator-child.ts in a child process and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ProbeReport } from './event-stream-probe.js';
import type { LoadDevice, LoadPlan, LoadResult } from './generator.js';
import type { ChildRequest } from './generator-child.js';

export class GeneratorProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;

  constructor() {
    this.child = fork(join(import.meta.dirname, 'generator-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  /** For CPU accounting from /proc. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  connect(url: string, devices: LoadDevice[], eventsUrl?: string): Promise<{ ms: number; connected: number }> {
    return this.request({ type: 'connect', url, devices, ...(eventsUrl ? { eventsUrl } : {}) }, 'connected');
  }

  run(plan: LoadPlan): Promise<{ result: LoadResult }> {
    return this.request({ type: 'run', plan }, 'result');
  }

  async probeReport(): Promise<ProbeReport | undefined> {
    return (await this.request<{ report?: ProbeReport }>({ type: 'probe-report' }, 'probe')).report;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.send({ type: 'close' } satisfies ChildRequest);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  private request<T>(request: ChildRequest, expect: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: { type: string; message?: string } & Record<string, unknown>) => {
        if (message.type === 'error') {
          cleanup();
          reject(new Error(`load generator: ${message.message}`));
        } else if (message.type === expect) {
          cleanup();
          resolve(message as T);
        }
      };
      const onExit = () => {
        cleanup();
        reject(new Error('load generator exited'));
      };
      const cleanup = () => {
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send(request);
    });
  }
}
