/**
 * A third-party skill in its own sandbox: a child process under Node's permission model (process-host.ts), or a
 * worker thread where that is unavailable (thread-host.ts). Either way: a heap limit, a time limit per call, a
 * watch between calls (sandbox-watch.ts: the process's whole memory, CPU burnt while idle), rate-limited output,
 * and termination of a hanging, crashed or over-limit sandbox (the next call starts a fresh one). Capability calls come back as
 * messages and go through the CapabilityGate, so the sandbox holds no hub object at all.
 */
import { dirname } from 'node:path';
import { systemClock, type Clock } from '../../core/clock.js';
import { RateLimitedReports } from '../../core/rate-limited-reports.js';
import type { Logger } from '../../core/logger.js';
import { HubError, type ErrorCode, ErrorCodes } from '../../sdk/errors.js';
import type { SkillResponse } from '../../sdk/skill.js';
import { CallBudget, type CallLimits } from '../call-budget.js';
import type { CallScope, CapabilityGate } from '../capabilities.js';
import { checkResponse, type SkillCall, type SkillExecutor } from '../executor.js';
import { fromWorkerSchema, toWireError, type FromWorker, type ToWorker, type WireError } from './messages.js';
import { startProcessHost } from './process-host.js';
import { permissionModelSupport } from './sandbox-support.js';
import { AFTER_CALL_GRACE_MS, SandboxWatch, type SandboxLimits } from './sandbox-watch.js';
import type { SkillHost, SkillHostFactory } from './skill-host.js';
import { startThreadHost } from './thread-host.js';

export interface WorkerSkillOptions {
  id: string;
  /** Absolute path of the skill's module. */
  entry: string;
  /** The directory the skill may read; the entry's directory by default. */
  installDir?: string;
  config: Record<string, unknown>;
  memoryLimitMb: number;
  /** The whole sandbox process's memory and its CPU while idle (sandbox-watch.ts); defaults: DEFAULT_SANDBOX_LIMITS. */
  sandboxLimits?: Partial<SandboxLimits>;
  /** Lines of the skill's output (console, stdout, stderr) logged a second at most; the rest are counted. */
  outputLinesPerSecond?: number;
  /** How long loading the module may take. */
  startTimeoutMs?: number;
  /** `process` (the default where Node's permission model exists) or `thread`. */
  sandbox?: 'process' | 'thread';
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { processMemoryLimitMb: 160, idleCpuPercent: 50 };
const DEFAULT_OUTPUT_LINES_PER_SECOND = 10;
/** A line of a skill's output in the hub's log is cut to this length. */
const OUTPUT_LINE_CHARS = 1000;

interface PendingCall {
  scope: CallScope;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

export class WorkerSkill implements SkillExecutor {
  readonly isolated = true;
  private host: SkillHost | undefined;
  private ready: Promise<void> | undefined;
  private nextCall = 1;
  private readonly calls = new Map<number, PendingCall>();
  private readonly log: Logger;
  private readonly startHost: SkillHostFactory;
  private readonly limits: SandboxLimits;
  private readonly watch: SandboxWatch;
  private readonly output: RateLimitedReports;
  private lastCallEnded = -Infinity;
  private faultListener: ((error: HubError) => void) | undefined;
  readonly sandbox: 'process' | 'thread';

  constructor(
    private readonly options: WorkerSkillOptions,
    private readonly gate: CapabilityGate,
    private readonly clock: Clock,
    log: Logger,
  ) {
    this.log = log.child({ skill: options.id, isolated: true });
    this.sandbox = options.sandbox ?? (permissionModelSupport().available ? 'process' : 'thread');
    this.limits = { ...DEFAULT_SANDBOX_LIMITS, ...options.sandboxLimits };
    this.watch = new SandboxWatch(this.limits, (reason) => this.fault(reason));
    // Wall-clock time on purpose, like the call watchdog: a chatty skill floods the log in real time.
    this.output = new RateLimitedReports(
      systemClock,
      options.outputLinesPerSecond ?? DEFAULT_OUTPUT_LINES_PER_SECOND,
      (notLogged) =>
        this.log.warn(
          { notLogged },
          `skill wrote ${notLogged} more lines of output than are logged (limit ${options.outputLinesPerSecond ?? DEFAULT_OUTPUT_LINES_PER_SECOND} a second)`,
        ),
    );
    this.startHost = this.sandbox === 'process' ? startProcessHost : startThreadHost;
  }

  get id(): string {
    return this.options.id;
  }

  async start(): Promise<void> {
    if (this.sandbox === 'thread') {
      const support = permissionModelSupport();
      this.log.warn(
        { reason: support.available ? 'thread sandbox requested' : support.reason },
        'third-party skill runs in a worker thread: time and memory are limited, but it can read files and use the network. Run the hub on Node 20 for the permission-model sandbox',
      );
    }
    await this.ensureSandbox();
  }

  /** A violation found between calls (memory, idle CPU): the sandbox is stopped, and the runtime counts it. */
  onFault(listener: (error: HubError) => void): void {
    this.faultListener = listener;
  }

  async stop(): Promise<void> {
    await this.kill(new HubError('SKILL_FAILED', `skill "${this.id}" was stopped`));
  }

  async call(call: SkillCall, scope: CallScope, limits: CallLimits): Promise<SkillResponse | undefined> {
    await this.ensureSandbox();
    const host = this.host!;
    const callId = this.nextCall++;
    const message: ToWorker =
      call.kind === 'handle'
        ? { t: 'call', callId, kind: 'handle', now: this.clock.now(), intent: call.intent, utterance: call.utterance }
        : {
            t: 'call',
            callId,
            kind: 'followUp',
            now: this.clock.now(),
            text: call.text,
            state: call.state,
            utterance: call.utterance,
          };
    let budget: CallBudget | undefined;
    try {
      const value = await new Promise<unknown>((resolve, reject) => {
        this.calls.set(callId, { scope, resolve, reject });
        budget = new CallBudget(this.id, limits, (err) => {
          this.log.warn({ timeoutMs: limits.timeoutMs }, 'skill call timed out; terminating its sandbox');
          void this.kill(new HubError('SKILL_TIMEOUT', `${err.message} and was restarted`));
        });
        scope.budget = budget;
        host.send(message);
      });
      return checkResponse(this.id, value, call.kind);
    } finally {
      budget?.end();
      this.calls.delete(callId);
      this.lastCallEnded = performance.now();
    }
  }

  /** The watch found the sandbox over a limit: stop it; a call in flight fails with the reason, else the runtime hears it. */
  private fault(reason: string): void {
    const error = new HubError('SKILL_FAILED', `skill "${this.id}" ${reason} and was stopped`);
    this.log.warn({ sandbox: this.sandbox, reason }, 'skill sandbox over its limits; stopped');
    const duringCall = this.calls.size > 0;
    void this.kill(error);
    if (!duringCall) this.faultListener?.(error);
  }

  /** A line of the skill's output, cut to OUTPUT_LINE_CHARS and rate-limited. */
  private logOutput(stream: 'stdout' | 'stderr', text: string): void {
    const notLogged = this.output.allow();
    if (notLogged === undefined) return;
    const fields = { stream, ...(notLogged > 0 ? { notLogged } : {}) };
    const line =
      text.length > OUTPUT_LINE_CHARS ? `${text.slice(0, OUTPUT_LINE_CHARS)}… (${text.length} characters)` : text;
    if (stream === 'stdout') this.log.info(fields, line);
    else this.log.warn(fields, line);
  }

  private ensureSandbox(): Promise<void> {
    if (this.ready) return this.ready;
    const startTimeoutMs = this.options.startTimeoutMs ?? 10_000;
    let settle: { resolve: () => void; reject: (err: Error) => void; timer: NodeJS.Timeout } | undefined;
    const fail = (err: Error) => {
      if (!settle) return;
      clearTimeout(settle.timer);
      settle.reject(err);
      settle = undefined;
    };
    let host: SkillHost | undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const err = new HubError('SKILL_TIMEOUT', `skill "${this.id}" did not load within ${startTimeoutMs} ms`);
        fail(err);
        void this.kill(err);
      }, startTimeoutMs);
      settle = { resolve, reject, timer };
    });
    this.ready.catch(() => undefined);
    host = this.startHost(
      {
        entry: this.options.entry,
        installDir: this.options.installDir ?? dirname(this.options.entry),
        memoryLimitMb: this.options.memoryLimitMb,
        processMemoryLimitMb: this.limits.processMemoryLimitMb,
      },
      {
        output: (stream, text) => this.logOutput(stream, text),
        gone: (reason) => {
          this.log.warn({ sandbox: this.sandbox }, `skill sandbox ${reason}`);
          const loading = settle !== undefined;
          fail(new HubError('SKILL_FAILED', `skill "${this.id}" ${reason} while loading`));
          if (this.host !== host) return;
          const error = new HubError('SKILL_FAILED', `skill "${this.id}" ${reason} and was restarted`);
          // Dying between calls (e.g. code it left running ran out of memory) is the skill's failure too.
          const betweenCalls = !loading && this.calls.size === 0;
          void this.kill(error);
          if (betweenCalls) this.faultListener?.(error);
        },
        message: (raw) => {
          const parsed = fromWorkerSchema.safeParse(raw);
          if (!parsed.success) {
            void this.kill(
              new HubError('SKILL_FAILED', `skill "${this.id}" sent a malformed message and was restarted`),
            );
            return;
          }
          const msg = parsed.data;
          if (msg.t === 'ready') {
            if (msg.definition.id !== this.id) {
              fail(
                new HubError(
                  'MANIFEST_INVALID',
                  `skill module declares id "${msg.definition.id}" but its manifest says "${this.id}"`,
                ),
              );
              void this.kill(new HubError('SKILL_FAILED', 'id mismatch'));
            } else if (settle) {
              clearTimeout(settle.timer);
              settle.resolve();
              settle = undefined;
              if (host) this.watchSandbox(host);
            }
          } else if (msg.t === 'initError') {
            fail(fromWire(msg.error, `skill "${this.id}" failed to load`));
            void this.kill(new HubError('SKILL_FAILED', 'load failed'));
          } else if (msg.t === 'output') {
            this.logOutput(msg.stream, msg.text);
          } else if (host) this.onMessage(host, msg);
        },
      },
    );
    this.host = host;
    host.send({ t: 'init', entry: this.options.entry, skillId: this.id, config: this.options.config });
    return this.ready;
  }

  private onMessage(
    host: SkillHost,
    msg: Exclude<FromWorker, { t: 'ready' } | { t: 'initError' } | { t: 'output' }>,
  ): void {
    if (msg.t === 'result') {
      const pending = this.calls.get(msg.callId);
      if (!pending) return;
      if (msg.ok) pending.resolve(msg.value);
      else {
        if (msg.error.code === 'ERR_ACCESS_DENIED')
          this.log.warn({ refused: msg.error.message }, 'skill tried something its sandbox forbids');
        pending.reject(fromWire(msg.error, `skill "${this.id}" failed`));
      }
      return;
    }
    const pending = this.calls.get(msg.callId);
    const reply = (m: ToWorker) => {
      if (this.host === host) host.send(m);
    };
    if (!pending) {
      reply({
        t: 'rpcResult',
        rpcId: msg.rpcId,
        ok: false,
        error: { code: 'SKILL_FAILED', message: 'the call this request belongs to has ended' },
      });
      return;
    }
    this.gate.invoke(msg.method, msg.args, pending.scope).then(
      (value) =>
        reply({
          t: 'rpcResult',
          rpcId: msg.rpcId,
          ok: true,
          value: value === undefined ? undefined : structuredCloneSafe(value),
        }),
      (err: unknown) => reply({ t: 'rpcResult', rpcId: msg.rpcId, ok: false, error: toWireError(err) }),
    );
  }

  private watchSandbox(host: SkillHost): void {
    this.watch.start({
      usage: () => (this.host === host ? host.usage() : undefined),
      busySince: (now) => this.calls.size > 0 || now - this.lastCallEnded < AFTER_CALL_GRACE_MS,
    });
  }

  private async kill(reason: HubError): Promise<void> {
    this.watch.stop();
    const host = this.host;
    this.host = undefined;
    this.ready = undefined;
    for (const pending of this.calls.values()) pending.reject(reason);
    this.calls.clear();
    if (host) await host.terminate();
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
  return (
    code === 'PERMISSION_DENIED' ||
    code === 'FORBIDDEN' ||
    code === 'CONFIRMATION_REQUIRED' ||
    code === 'DEVICE_TIMEOUT' ||
    code === 'DEVICE_REJECTED' ||
    code === 'DEVICE_UNAVAILABLE' ||
    code === 'MANIFEST_INVALID'
  );
}

function structuredCloneSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
