/**
 * The sandbox: a child process per third-party skill under Node's permission model (sandbox-support.ts), an empty
 * environment, a heap limit and a limit on its whole data segment (process-limits.ts), and the network closed from
 * inside (lockdown.mjs). It can read its install dir and
 * the runner, nothing else: not the hub's database, not another skill's files.
 */
import { fork } from 'node:child_process';
import type { SkillHost, SkillHostHandlers, SkillHostOptions } from './skill-host.js';
import type { ToWorker } from './messages.js';
import { limitDataSegment, readProcessUsage } from './process-limits.js';
import { runnerFiles, sandboxExecArgv } from './sandbox-support.js';

/** V8 prints one of these on fd 2 when the heap limit is hit, then aborts. */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|allocation failed/i;

export function startProcessHost(options: SkillHostOptions, handlers: SkillHostHandlers): SkillHost {
  const { runner, readable } = runnerFiles();
  const child = fork(runner, [], {
    execArgv: sandboxExecArgv([options.installDir, ...readable], options.memoryLimitMb),
    env: {},
    cwd: options.installDir,
    serialization: 'advanced',
    // stdout is unused (the runner forwards console over IPC); stderr carries V8's fatal errors.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // Before the skill's module loads (the 'init' message): its allocations past the limit fail inside it.
  if (child.pid !== undefined) limitDataSegment(child.pid, options.processMemoryLimitMb * 1024 * 1024);
  let done = false;
  let stderrTail = '';
  const gone = (reason: string) => {
    if (done) return;
    done = true;
    handlers.gone(reason);
  };
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stderrTail = (stderrTail + text).slice(-4000);
    handlers.output('stderr', text.slice(0, 2000));
  });
  child.on('message', (raw: unknown) => handlers.message(raw));
  child.on('error', (err) => gone(`crashed (${err.message})`));
  // 'close' comes after stderr is drained, so an out-of-memory message is already in the tail.
  child.on('close', (code, signal) => {
    if (OUT_OF_MEMORY.test(stderrTail)) gone(`ran out of its ${options.memoryLimitMb} MB memory limit`);
    else gone(signal ? `was killed by ${signal}` : `exited with code ${code}`);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    kind: 'process',
    send: (message: ToWorker) => {
      if (!done && child.connected) child.send(message, (err) => err && gone(`lost its IPC channel (${err.message})`));
    },
    usage: () => (done || child.pid === undefined ? undefined : readProcessUsage(child.pid)),
    terminate: async () => {
      done = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
