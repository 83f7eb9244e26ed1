import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isPlainJsonObject, stateFastCheck } from '../hub/sdk/native-state-fast-path.js';
import { lightStateSchema } from '../device-types/light/protocol.js';
import { genericStateSchema } from './native/protocol.js';
import { STATE_SCHEMA_BY_TYPE } from './testing/state-schemas.js';

const schemas: Record<string, z.ZodType> = { generic: genericStateSchema, ...STATE_SCHEMA_BY_TYPE };

/** Every attribute name the schemas know, plus unknown ones, with values of every JSON kind and edge. */
const attributeNames = [
  ...new Set(Object.values(schemas).flatMap((s) => Object.keys((s as unknown as { shape?: object }).shape ?? {}))),
  'seq',
  'extra',
];
const values: unknown[] = [
  true,
  false,
  0,
  -0.5,
  1,
  50,
  99.5,
  100,
  100.1,
  1000,
  1500.5,
  12000,
  -51,
  80,
  3e15,
  2 ** 60,
  'on',
  ' red ',
  'heat',
  'locked',
  'playing',
  '',
  null,
  [],
  {},
  { a: 1 },
];

function* payloads(seed = 7): Generator<string> {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 3000; i++) {
    const entries = Array.from({ length: 1 + Math.floor(next() * 4) }, () => [
      attributeNames[Math.floor(next() * attributeNames.length)]!,
      values[Math.floor(next() * values.length)],
    ]);
    yield JSON.stringify(Object.fromEntries(entries));
  }
  yield '{"__proto__": {"on": true}, "on": false}';
  yield '[]';
  yield 'null';
  yield '"on"';
}

describe('native state fast path', () => {
  it('knows the common shapes of every built-in native driver', () => {
    for (const [name, schema] of Object.entries(schemas)) expect(stateFastCheck(schema), name).toBeDefined();
  });

  it('says yes only to values zod accepts unchanged, for every driver schema', () => {
    const yes: Record<string, number> = {};
    for (const text of payloads()) {
      for (const [name, schema] of Object.entries(schemas)) {
        const value: unknown = JSON.parse(text);
        if (!isPlainJsonObject(value) || !stateFastCheck(schema)!(value)) continue;
        yes[name] = (yes[name] ?? 0) + 1;
        const zod = schema.safeParse(JSON.parse(text));
        expect(zod.success, `${name}: ${text}`).toBe(true);
        expect(zod.data, `${name}: ${text}`).toStrictEqual(value);
      }
    }
    // The generated payloads exercise the fast path of every schema, not only its fallbacks.
    for (const name of Object.keys(schemas)) expect(yes[name] ?? 0, name).toBeGreaterThan(100);
  });

  it('leaves bad and unusual values to zod', () => {
    const light = stateFastCheck(lightStateSchema)!;
    expect(light({ on: true, brightness: 40 })).toBe(true);
    expect(light({ brightness: 140 })).toBe(false);
    expect(light({ on: 'yes' })).toBe(false);
    expect(light({ color: 'red' })).toBe(false); // strings are trimmed by zod: its job
    expect(isPlainJsonObject(JSON.parse('{"__proto__": {}}'))).toBe(false);
    expect(isPlainJsonObject([])).toBe(false);
    expect(isPlainJsonObject(Object.create(null))).toBe(false);
  });
});
