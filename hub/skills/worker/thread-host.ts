/**
 * The fallback sandbox: a worker thread with a heap limit. It contains hangs, crashes and memory, but the skill
 * shares the hub's process and could still reach node:fs or the network, so it is only used when the permission
 * model is unavailable (sandbox-support.ts).
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { SkillHost, SkillHostHandlers, SkillHostOptions } from './skill-host.js';
import type { ToWorker } from './messages.js';

/**
 * The compiled worker is a .js file beside this one. Under tsx/vitest only the .ts source exists, so a tiny
 * bootstrap registers tsx's loader inside the worker first (execArgv `--import` is not honoured by workers).
 */
function workerScript(): { script: string; eval: boolean } {
  const js = fileURLToPath(new URL('./skill-worker.js', import.meta.url));
  if (existsSync(js)) return { script: js, eval: false };
  const ts = new URL('./skill-worker.ts', import.meta.url).href;
  const script = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ts)}); })`;
  return { script, eval: true };
}

export function startThreadHost(options: SkillHostOptions, handlers: SkillHostHandlers): SkillHost {
  const { script, eval: isEval } = workerScript();
  const worker = new Worker(script, {
    eval: isEval,
    env: {},
    stdout: true,
    stderr: true,
    resourceLimits: {
      maxOldGenerationSizeMb: options.memoryLimitMb,
      maxYoungGenerationSizeMb: Math.max(4, Math.floor(options.memoryLimitMb / 4)),
    },
  });
  let done = false;
  const gone = (reason: string) => {
    if (done) return;
    done = true;
    handlers.gone(reason);
  };
  worker.stdout.on('data', (chunk: Buffer) => handlers.output('stdout', chunk.toString().slice(0, 2000)));
  worker.stderr.on('data', (chunk: Buffer) => handlers.output('stderr', chunk.toString().slice(0, 2000)));
  worker.on('message', (raw: unknown) => handlers.message(raw));
  worker.on('error', (err: Error & { code?: string }) =>
    gone(
      err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `ran out of its ${options.memoryLimitMb} MB memory limit`
        : `crashed (${err.message})`,
    ),
  );
  worker.on('exit', (code) => gone(`exited with code ${code}`));
  return {
    kind: 'thread',
    send: (message: ToWorker) => {
      if (!done) worker.postMessage(message);
    },
    // A thread shares the hub's memory, so only its CPU can be told apart: the time its event loop was busy
    // (a busy loop keeps it busy however little CPU it gets).
    usage: () => (done ? undefined : { demandMs: worker.performance.eventLoopUtilization().active }),
    terminate: async () => {
      done = true;
      await worker.terminate().catch(() => undefined);
    },
  };
}
