/**
 * A third-party skill in its own worker thread: a heap limit, a time limit per call, and termination of a
 * hanging or crashed worker (the next call starts a fresh one). Capability calls come back as messages and
 * go through the CapabilityGate, so the worker holds no hub object at all.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { HubError, type ErrorCode, ErrorCodes } from '../../sdk/errors.js';
import type { SkillResponse } from '../../sdk/skill.js';
import type { CallScope, CapabilityGate } from '../capabilities.js';
import { checkResponse, type SkillCall, type SkillExecutor } from '../executor.js';
import { fromWorkerSchema, toWireError, type FromWorker, type ToWorker, type WireError } from './messages.js';

export interface WorkerSkillOptions {
  id: string;
  /** Absolute path of the skill's module. */
  entry: string;
  config: Record<string, unknown>;
  memoryLimitMb: number;
  /** How long loading the module may take. */
  startTimeoutMs?: number;
}

interface PendingCall {
  scope: CallScope;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

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

export class WorkerSkill implements SkillExecutor {
  readonly isolated = true;
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextCall = 1;
  private readonly calls = new Map<number, PendingCall>();
  private readonly log: Logger;

  constructor(
    private readonly options: WorkerSkillOptions,
    private readonly gate: CapabilityGate,
    private readonly clock: Clock,
    log: Logger,
  ) {
    this.log = log.child({ skill: options.id, isolated: true });
  }

  get id(): string {
    return this.options.id;
  }

  async start(): Promise<void> {
    await this.ensureWorker();
  }

  async stop(): Promise<void> {
    await this.kill(new HubError('SKILL_FAILED', `skill "${this.id}" was stopped`));
  }

  async call(call: SkillCall, scope: CallScope, timeoutMs: number): Promise<SkillResponse | undefined> {
    await this.ensureWorker();
    const worker = this.worker!;
    const callId = this.nextCall++;
    const message: ToWorker =
      call.kind === 'handle'
        ? { t: 'call', callId, kind: 'handle', now: this.clock.now(), intent: call.intent, utterance: call.utterance }
        : { t: 'call', callId, kind: 'followUp', now: this.clock.now(), text: call.text, state: call.state, utterance: call.utterance };
    let timer: NodeJS.Timeout | undefined;
    try {
      const value = await new Promise<unknown>((resolve, reject) => {
        this.calls.set(callId, { scope, resolve, reject });
        // A wall-clock watchdog on purpose: a hung skill hangs in real time, whatever the hub's Clock says.
        timer = setTimeout(() => {
          const err = new HubError('SKILL_TIMEOUT', `skill "${this.id}" did not answer within ${timeoutMs} ms and was restarted`);
          this.log.warn({ timeoutMs }, 'skill call timed out; terminating its worker');
          void this.kill(err);
        }, timeoutMs);
        worker.postMessage(message);
      });
      return checkResponse(this.id, value, call.kind);
    } finally {
      clearTimeout(timer);
      this.calls.delete(callId);
    }
  }

  private ensureWorker(): Promise<void> {
    if (this.ready) return this.ready;
    const { script, eval: isEval } = workerScript();
    const worker = new Worker(script, {
      eval: isEval,
      env: {},
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryLimitMb, maxYoungGenerationSizeMb: Math.max(4, Math.floor(this.options.memoryLimitMb / 4)) },
    });
    this.worker = worker;
    worker.stdout.on('data', (chunk: Buffer) => this.log.info({ stream: 'stdout' }, chunk.toString().slice(0, 2000)));
    worker.stderr.on('data', (chunk: Buffer) => this.log.warn({ stream: 'stderr' }, chunk.toString().slice(0, 2000)));
    this.ready = new Promise<void>((resolve, reject) => {
      const startTimer = setTimeout(() => {
        void this.kill(new HubError('SKILL_TIMEOUT', `skill "${this.id}" did not load within ${this.options.startTimeoutMs ?? 10_000} ms`));
      }, this.options.startTimeoutMs ?? 10_000);
      const fail = (err: Error) => {
        clearTimeout(startTimer);
        reject(err);
      };
      worker.on('message', (raw: unknown) => {
        const parsed = fromWorkerSchema.safeParse(raw);
        if (!parsed.success) {
          void this.kill(new HubError('SKILL_FAILED', `skill "${this.id}" sent a malformed message and was restarted`));
          return;
        }
        const msg = parsed.data;
        if (msg.t === 'ready') {
          clearTimeout(startTimer);
          if (msg.definition.id !== this.id) {
            fail(new HubError('MANIFEST_INVALID', `skill module declares id "${msg.definition.id}" but its manifest says "${this.id}"`));
            void this.kill(new HubError('SKILL_FAILED', 'id mismatch'));
          } else resolve();
        } else if (msg.t === 'initError') {
          fail(fromWire(msg.error, `skill "${this.id}" failed to load`));
          void this.kill(new HubError('SKILL_FAILED', 'load failed'));
        } else this.onMessage(worker, msg);
      });
      worker.on('error', (err: Error & { code?: string }) => {
        const outOfMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
        const reason = outOfMemory ? `ran out of its ${this.options.memoryLimitMb} MB memory limit` : `crashed (${err.message})`;
        this.log.warn({ err: err.message }, `skill worker ${reason}`);
        fail(new HubError('SKILL_FAILED', `skill "${this.id}" ${reason}`));
        void this.kill(new HubError('SKILL_FAILED', `skill "${this.id}" ${reason} and was restarted`));
      });
      worker.on('exit', (code) => {
        fail(new HubError('SKILL_FAILED', `skill "${this.id}" exited with code ${code} while loading`));
        if (this.worker === worker) void this.kill(new HubError('SKILL_FAILED', `skill "${this.id}" exited (code ${code}) and will be restarted`));
      });
    });
    this.ready.catch(() => undefined);
    worker.postMessage({ t: 'init', entry: this.options.entry, skillId: this.id, config: this.options.config } satisfies ToWorker);
    return this.ready;
  }

  private onMessage(worker: Worker, msg: Exclude<FromWorker, { t: 'ready' } | { t: 'initError' }>): void {
    if (msg.t === 'result') {
      const pending = this.calls.get(msg.callId);
      if (!pending) return;
      if (msg.ok) pending.resolve(msg.value);
      else pending.reject(fromWire(msg.error, `skill "${this.id}" failed`));
      return;
    }
    const pending = this.calls.get(msg.callId);
    const reply = (m: ToWorker) => {
      if (this.worker === worker) worker.postMessage(m);
    };
    if (!pending) {
      reply({ t: 'rpcResult', rpcId: msg.rpcId, ok: false, error: { code: 'SKILL_FAILED', message: 'the call this request belongs to has ended' } });
      return;
    }
    this.gate.invoke(msg.method, msg.args, pending.scope).then(
      (value) => reply({ t: 'rpcResult', rpcId: msg.rpcId, ok: true, value: value === undefined ? undefined : structuredCloneSafe(value) }),
      (err: unknown) => reply({ t: 'rpcResult', rpcId: msg.rpcId, ok: false, error: toWireError(err) }),
    );
  }

  private async kill(reason: HubError): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    for (const pending of this.calls.values()) pending.reject(reason);
    this.calls.clear();
    if (worker) await worker.terminate().catch(() => undefined);
  }
}

function fromWire(error: WireError, prefix: string): HubError {
  const code = (error.code in ErrorCodes ? error.code : 'SKILL_FAILED') as ErrorCode;
  return code === 'SKILL_FAILED' || !isKnownPassThrough(code)
    ? new HubError('SKILL_FAILED', `${prefix}: ${error.message}`)
    : new HubError(code, error.message);
}

/** Errors the hub itself raised inside a capability call keep their code when the skill lets them through. */
function isKnownPassThrough(code: ErrorCode): boolean {
  return code === 'PERMISSION_DENIED' || code === 'DEVICE_TIMEOUT' || code === 'DEVICE_REJECTED' || code === 'DEVICE_UNAVAILABLE' || code === 'MANIFEST_INVALID';
}

function structuredCloneSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

