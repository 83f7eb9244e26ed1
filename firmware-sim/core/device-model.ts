import { HubError, type DeviceState, type EventPayload } from '../../hub/sdk/index.js';
import type { AnyBehavior, BehaviorContext, CommandSpec, SimState } from './behavior.js';
import type { SimClock, SimTimer } from './clock.js';

export type ExecuteResult = { ok: true; state: DeviceState } | { ok: false; error: { code: string; message: string } };

export interface DeviceModelOptions {
  clock: SimClock;
  random?: () => number;
  /** Overrides merged over the behavior's initial state (e.g. a washer that starts with little detergent). */
  initialState?: SimState;
  onState(state: DeviceState): void;
  onEvent(event: EventPayload): void;
}

/**
 * The firmware's brain without any transport: state, command validation, timers.
 * SimulatedDevice puts it on MQTT; unit tests drive it directly with a virtual clock.
 */
export class DeviceModel {
  private current: SimState;
  private readonly timers = new Set<SimTimer>();
  private batchDepth = 0;
  private dirty = false;
  private running = false;
  private readonly context: BehaviorContext<SimState>;

  constructor(
    readonly behavior: AnyBehavior,
    private readonly options: DeviceModelOptions,
  ) {
    this.current = { ...behavior.initialState(), ...(options.initialState ?? {}) };
    const random = options.random ?? Math.random;
    const model = this;
    // Arrow functions keep `this` bound when a behavior destructures the context.
    this.context = {
      get state() {
        return model.current;
      },
      now: () => options.clock.now(),
      random,
      update: (patch) => this.applyPatch(patch),
      emit: (event) => options.onEvent(event),
      after: (ms, fn) => this.schedule(ms, fn),
    };
  }

  get state(): DeviceState {
    return structuredClone(this.current);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const tick = this.behavior.tick;
    if (tick) {
      const loop = (): void => {
        this.batch(() => tick.run(this.context));
        this.schedule(tick.everyMs, loop);
      };
      this.schedule(tick.everyMs, loop);
    }
  }

  stop(): void {
    this.running = false;
    for (const timer of this.timers) this.options.clock.clearTimeout(timer);
    this.timers.clear();
  }

  /** Validates and applies a hub command. Never throws: refusals come back as `{ok:false}`. */
  execute(command: string, params: Record<string, unknown> | undefined): ExecuteResult {
    const spec = (this.behavior.commands as Record<string, CommandSpec<SimState, unknown>>)[command];
    if (!spec) {
      const known = Object.keys(this.behavior.commands).join(', ');
      return fail(
        'UNSUPPORTED_COMMAND',
        `a ${this.behavior.kind} does not understand "${command}"; send one of: ${known}`,
      );
    }
    return this.run(spec, command, params);
  }

  /** Something a person does to the device by hand (press, refill, open a door). */
  perform(action: string, params?: Record<string, unknown>): ExecuteResult {
    const spec = (this.behavior.actions as Record<string, CommandSpec<SimState, unknown>> | undefined)?.[action];
    if (!spec) {
      const known = Object.keys(this.behavior.actions ?? {}).join(', ') || '(none)';
      return fail('UNSUPPORTED_COMMAND', `a ${this.behavior.kind} has no action "${action}"; available: ${known}`);
    }
    return this.run(spec, action, params);
  }

  private run(
    spec: CommandSpec<SimState, unknown>,
    name: string,
    params: Record<string, unknown> | undefined,
  ): ExecuteResult {
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');
      return fail('VALIDATION_FAILED', `invalid params for "${name}": ${problems}`);
    }
    try {
      this.batch(() => spec.run(this.context, parsed.data));
    } catch (err) {
      if (err instanceof HubError) return fail(err.code, err.message);
      throw err;
    }
    return { ok: true, state: this.state };
  }

  private batch(fn: () => void): void {
    this.batchDepth++;
    try {
      fn();
    } finally {
      this.batchDepth--;
      if (this.batchDepth === 0 && this.dirty) {
        this.dirty = false;
        this.options.onState(this.state);
      }
    }
  }

  private applyPatch(patch: Partial<SimState>): void {
    let changed = false;
    for (const [key, value] of Object.entries(patch)) {
      if (JSON.stringify(this.current[key]) !== JSON.stringify(value)) changed = true;
    }
    if (!changed) return;
    this.current = { ...this.current, ...patch };
    if (this.batchDepth > 0) this.dirty = true;
    else this.options.onState(this.state);
  }

  private schedule(ms: number, fn: () => void): () => void {
    const timer = this.options.clock.setTimeout(() => {
      this.timers.delete(timer);
      if (this.running) this.batch(fn);
    }, ms);
    this.timers.add(timer);
    return () => {
      this.options.clock.clearTimeout(timer);
      this.timers.delete(timer);
    };
  }
}

function fail(code: string, message: string): ExecuteResult {
  return { ok: false, error: { code, message } };
}
