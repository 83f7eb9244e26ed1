/**
 * `defineBehavior()`: a simulated device described as data plus small functions, in the spirit
 * of zwave-js's device simulators. The transport (MQTT, timing, faults) lives in SimulatedDevice;
 * a behavior only says what the firmware does with its state.
 */
import type { z } from 'zod';
import { HubError, type DeviceType, type EventPayload } from '../../hub/sdk/index.js';
import { commandsOf } from '../../device-types/index.js';

export type SimState = Record<string, unknown>;

export interface BehaviorContext<S extends SimState> {
  /** The state as it is now; change it only through `update`. */
  readonly state: Readonly<S>;
  now(): number;
  /** 0 <= x < 1, injectable so tests are deterministic. */
  random(): number;
  /** Merges the patch into the state; the device publishes it (once per command, or at once from timers). */
  update(patch: Partial<S>): void;
  /** Publishes on the device's event topic. */
  emit(event: EventPayload): void;
  /** Runs `fn` after `ms` of device time; returns a cancel function. All pending timers die with the device. */
  after(ms: number, fn: () => void): () => void;
}

export interface CommandSpec<S extends SimState, P> {
  params: z.ZodType<P>;
  /** Applies the command; throw `rejectCommand(...)` when the firmware refuses it. */
  run(ctx: BehaviorContext<S>, params: P): void;
}

export type CommandTable<S extends SimState, C> = { [K in keyof C]: CommandSpec<S, C[K]> };

export interface BehaviorDefinition<S extends SimState, C = Record<string, unknown>, A = Record<string, unknown>> {
  /** Simulator kind, e.g. `light`, `washer`. */
  kind: string;
  type: DeviceType;
  deviceClass?: string;
  capabilities: readonly string[];
  initialState(): S;
  /** Commands the hub may send (names from the type's commands, device-types/<type>/). */
  commands: CommandTable<S, C>;
  /** Physical interactions a person performs on the device (press the button, refill detergent, open a car door). */
  actions?: CommandTable<S, A>;
  /** Time-driven physics (temperature drift, a cover moving); runs every `everyMs` while the device runs. */
  tick?: { everyMs: number; run(ctx: BehaviorContext<S>): void };
}

export type AnyBehavior = BehaviorDefinition<SimState, Record<string, unknown>, Record<string, unknown>>;

/**
 * Declares a behavior and checks, when it is defined, that it only answers commands
 * the public protocol lists for its device type.
 */
export function defineBehavior<S extends SimState, C, A = Record<string, never>>(
  definition: BehaviorDefinition<S, C, A>,
): BehaviorDefinition<S, C, A> {
  const allowed = commandsOf(definition.type);
  for (const name of Object.keys(definition.commands as object)) {
    if (!allowed.includes(name)) {
      throw new HubError(
        'CONFIG_INVALID',
        `behavior "${definition.kind}" declares command "${name}", which the protocol does not list for type "${definition.type}"; use one of: ${allowed.join(', ') || '(none)'}`,
      );
    }
  }
  return definition;
}

/** The error a behavior throws to refuse a command; it becomes `{status:"error", error:{code, message}}`. */
export function rejectCommand(
  message: string,
  code: 'DEVICE_REJECTED' | 'VALIDATION_FAILED' = 'DEVICE_REJECTED',
): HubError {
  return new HubError(code, message);
}
