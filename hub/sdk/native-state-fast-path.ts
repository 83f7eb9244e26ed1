/**
 * A hand-written check in front of zod for the common native state shapes: any object of attributes
 * (`z.record(z.string(), z.unknown())`) and loose objects whose attributes are optional booleans, numbers with
 * bounds, or enums. At 10,000 state messages/s the two zod parses per message (the object check, then the
 * driver's schema) each copied the payload (bench/fan-in.ts).
 *
 * It only says yes to values zod would accept unchanged; everything else — an attribute kind it does not
 * know, a value that fails, an unusual object — goes to zod, so errors and odd input behave exactly as before.
 */
import type { z } from 'zod';

/** True when the value is certainly valid for the schema it was compiled from; false means "ask zod". */
export type StateFastCheck = (value: Record<string, unknown>) => boolean;

type ValueCheck = (value: unknown) => boolean;

/** What JSON.parse makes of `{...}`, minus `__proto__` keys (zod's record drops them; leave that to zod). */
export function isPlainJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.getPrototypeOf(value) === Object.prototype && !Object.hasOwn(value, '__proto__');
}

const compiled = new WeakMap<object, StateFastCheck | null>();

/** The fast check for a driver's state schema, or undefined when the schema is not a shape it knows. */
export function stateFastCheck(schema: z.ZodType): StateFastCheck | undefined {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = compileState(defOf(schema)) ?? null;
    compiled.set(schema, check);
  }
  return check ?? undefined;
}

/** zod 4's public `def`; typed loosely because only a few kinds are read and anything else means "no". */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  keyType?: { def: Def };
  valueType?: { def: Def };
  catchall?: { def: Def };
  shape?: Record<string, { def: Def }>;
  innerType?: { def: Def };
  entries?: Record<string, unknown>;
}
interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  format?: string;
}

const defOf = (schema: unknown): Def => (schema as { def: Def }).def;
const noChecks = (def: Def) => !def.checks || def.checks.length === 0;

function compileState(def: Def): StateFastCheck | undefined {
  if (!noChecks(def)) return undefined;
  if (def.type === 'record') {
    const key = def.keyType?.def;
    const anyValue = def.valueType?.def.type === 'unknown';
    return key?.type === 'string' && noChecks(key) && anyValue ? () => true : undefined;
  }
  if (def.type !== 'object' || def.catchall?.def.type !== 'unknown' || !def.shape) return undefined;
  const fields: [string, ValueCheck][] = [];
  for (const [key, schema] of Object.entries(def.shape)) {
    // An attribute kind without a fast check is fine as long as the message does not carry it.
    fields.push([key, compileOptional(schema.def) ?? (() => false)]);
  }
  return (value) => {
    for (const [key, check] of fields) {
      if (Object.hasOwn(value, key) && !check(value[key])) return false;
    }
    return true;
  };
}

function compileOptional(def: Def): ValueCheck | undefined {
  if (def.type !== 'optional' || !def.innerType) return undefined;
  const inner = compileValue(def.innerType.def);
  return inner && ((value) => value === undefined || inner(value));
}

function compileValue(def: Def): ValueCheck | undefined {
  if (def.type === 'boolean') return noChecks(def) ? (value) => typeof value === 'boolean' : undefined;
  if (def.type === 'enum' && def.entries && noChecks(def)) {
    const allowed = new Set(Object.values(def.entries));
    return (value) => allowed.has(value);
  }
  if (def.type === 'number') return compileNumber(def);
  return undefined;
}

function compileNumber(def: Def): ValueCheck | undefined {
  const bounds: ValueCheck[] = [(value) => typeof value === 'number' && Number.isFinite(value)];
  for (const check of def.checks ?? []) {
    const { check: kind, value: limit, inclusive, format } = check._zod.def;
    if (kind === 'greater_than' && typeof limit === 'number')
      bounds.push(inclusive ? (v) => (v as number) >= limit : (v) => (v as number) > limit);
    else if (kind === 'less_than' && typeof limit === 'number')
      bounds.push(inclusive ? (v) => (v as number) <= limit : (v) => (v as number) < limit);
    else if (kind === 'number_format' && format === 'safeint') bounds.push((v) => Number.isSafeInteger(v));
    else return undefined;
  }
  return (value) => bounds.every((bound) => bound(value));
}
