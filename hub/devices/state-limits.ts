/**
 * Bounds on what one device's state may become: nesting depth, number of keys (at every level) and stored size
 * (characters of its JSON). State messages merge into the stored state, so without them one device could grow the
 * hub's memory and database without end (40 messages of 10,000 new keys: 420,004 attributes, 590 MB RSS), or nest
 * deeply enough to overflow the stack of every recursive copy and of JSON.stringify (GET /devices, the state flush).
 * Measuring walks with its own stack (never recursion) and stops as soon as a limit is passed.
 */
import { z } from 'zod';
import type { DeviceState } from '../sdk/index.js';

export const stateLimitsSchema = z.strictObject({
  /** Objects and arrays nested at most this deep: `{"a":1}` is depth 1, `{"a":{"b":1}}` depth 2. */
  maxDepth: z.number().int().min(1).max(64).default(8),
  /** Keys and array items at every level together. */
  maxKeys: z.number().int().min(1).max(100_000).default(256),
  /** Characters of the state as stored (its JSON). */
  maxBytes: z
    .number()
    .int()
    .min(64)
    .max(16 * 1024 * 1024)
    .default(16 * 1024),
});
export type StateLimits = z.output<typeof stateLimitsSchema>;
export const DEFAULT_STATE_LIMITS: StateLimits = stateLimitsSchema.parse({});
/** For values already inside the limits (the current state's): measured, never refused. */
const UNLIMITED: StateLimits = { maxDepth: Infinity, maxKeys: Infinity, maxBytes: Infinity };

/** Keys (and array items) and JSON characters of a value; depth of its deepest object or array. */
export interface StateSize {
  keys: number;
  bytes: number;
  depth: number;
}

/**
 * The size of `value` as JSON, or the first limit it passes (a reason naming it). `depth` is where `value` sits
 * (0 for a whole state, 1 for an attribute's value). JSON.stringify is used only for strings and numbers.
 */
export function measureValue(value: unknown, limits: StateLimits, depth = 0): StateSize | string {
  // Most attributes are numbers, booleans and short strings: no walk for those (this runs per state message).
  if (value === null || typeof value !== 'object') {
    const bytes = primitiveBytes(value);
    return bytes > limits.maxBytes ? `more than ${limits.maxBytes} characters of JSON` : { keys: 0, bytes, depth };
  }
  const size: StateSize = { keys: 0, bytes: 0, depth };
  const stack: [unknown, number][] = [[value, depth]];
  while (stack.length > 0) {
    const [current, level] = stack.pop()!;
    if (current === null || typeof current !== 'object') {
      size.bytes += primitiveBytes(current);
    } else {
      if (level + 1 > limits.maxDepth) return `nested deeper than ${limits.maxDepth} levels`;
      size.depth = Math.max(size.depth, level + 1);
      const isArray = Array.isArray(current);
      const entries = isArray ? (current as unknown[]).map((v) => ['', v] as const) : Object.entries(current);
      size.bytes += 2 + Math.max(0, entries.length - 1); // brackets and commas
      for (const [key, child] of entries) {
        size.keys++;
        if (!isArray) size.bytes += keyBytes(key);
        stack.push([child, level + 1]);
      }
    }
    if (size.keys > limits.maxKeys) return `more than ${limits.maxKeys} keys`;
    if (size.bytes > limits.maxBytes) return `more than ${limits.maxBytes} characters of JSON`;
  }
  return size;
}

/** A key as JSON with its colon. Plain keys (letters, digits, `_`, `-`) need no escaping. */
function keyBytes(key: string): number {
  return (PLAIN.test(key) ? key.length + 2 : JSON.stringify(key).length) + 1;
}

const PLAIN = /^[\w-]*$/;

function primitiveBytes(value: unknown): number {
  if (typeof value === 'string') return PLAIN.test(value) ? value.length + 2 : JSON.stringify(value).length;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  return 4; // null (undefined is left out of objects and written as null in arrays)
}

/**
 * Sizes of states already checked, kept per state object: a state is replaced, never changed in place, so the
 * size of the next one is this one's minus the attributes a patch replaces plus the new ones.
 */
export class StateSizes {
  private readonly sizes = new WeakMap<DeviceState, StateSize>();

  constructor(private readonly limits: StateLimits) {}

  /** The size of a whole state, or why it is over the limits. */
  of(state: DeviceState): StateSize | string {
    const known = this.sizes.get(state);
    if (known) return known;
    const measured = measureValue(state, this.limits);
    if (typeof measured !== 'string') this.sizes.set(state, measured);
    return measured;
  }

  /**
   * Whether merging `changed` into `current` stays within the limits, and the merged state's size if so (give it
   * to `remember` with the merged state, so the next patch starts from it).
   */
  checkMerge(current: DeviceState, changed: DeviceState): { problem: string } | { size: StateSize } {
    const base = this.of(current);
    // Stored states over the limits are dropped when the registry loads them (registry.ts), so this is a guard.
    if (typeof base === 'string') return { problem: `the stored state is ${base}` };
    const size = { ...base };
    for (const key in changed) {
      const after = measureValue(changed[key], this.limits, 1);
      if (typeof after === 'string') return { problem: `attribute "${key.slice(0, 64)}" is ${after}` };
      const named = keyBytes(key);
      if (Object.hasOwn(current, key)) {
        const before = measureValue(current[key], UNLIMITED, 1) as StateSize;
        size.keys -= before.keys + 1;
        size.bytes -= before.bytes + named + 1;
      }
      size.keys += after.keys + 1;
      size.bytes += after.bytes + named + 1;
      size.depth = Math.max(size.depth, after.depth);
    }
    if (size.keys > this.limits.maxKeys)
      return { problem: `the state would have ${size.keys} keys (limit ${this.limits.maxKeys})` };
    if (size.bytes > this.limits.maxBytes)
      return { problem: `the state would be ${size.bytes} characters of JSON (limit ${this.limits.maxBytes})` };
    return { size };
  }

  remember(state: DeviceState, size: StateSize): void {
    this.sizes.set(state, size);
  }
}
