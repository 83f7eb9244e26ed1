import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE_LIMITS, measureValue, StateSizes } from './state-limits.js';

describe('state limits', () => {
  it('measures the size of a state as the characters of its JSON', () => {
    const samples = [
      {},
      { on: true },
      { a: 1, b: 'x"y\n', c: null, d: [1, 2, { e: false }], f: { g: { h: -1.5e-7 } }, 'ü k': 'ö' },
    ];
    for (const state of samples) {
      const size = measureValue(state, DEFAULT_STATE_LIMITS);
      expect(typeof size === 'string' ? size : size.bytes, JSON.stringify(state)).toBe(JSON.stringify(state).length);
    }
  });

  it('stops at the first limit passed, without recursion, whatever the depth', () => {
    const deep = JSON.parse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)) as Record<string, unknown>;
    expect(measureValue(deep, DEFAULT_STATE_LIMITS)).toBe('nested deeper than 8 levels');
    expect(
      measureValue(
        Array.from({ length: 300 }, (_, i) => i),
        DEFAULT_STATE_LIMITS,
      ),
    ).toBe('more than 256 keys');
    expect(measureValue({ s: 'x'.repeat(20_000) }, DEFAULT_STATE_LIMITS)).toBe('more than 16384 characters of JSON');
    const size = measureValue({ a: { b: { c: 1 } } }, DEFAULT_STATE_LIMITS);
    expect(size).toEqual({ keys: 3, bytes: 19, depth: 3 });
  });

  it("follows a merged state's size from patch to patch", () => {
    const sizes = new StateSizes({ maxDepth: 3, maxKeys: 5, maxBytes: 60 });
    let state: Record<string, unknown> = { on: true };
    for (const patch of [{ level: 10 }, { on: false, color: 'red' }, { level: 'eleven' }]) {
      const check = sizes.checkMerge(state, patch);
      if (!('size' in check)) throw new Error(check.problem);
      state = { ...state, ...patch };
      sizes.remember(state, check.size);
      expect(check.size.keys).toBe(Object.keys(state).length);
      expect(Math.abs(check.size.bytes - JSON.stringify(state).length)).toBeLessThanOrEqual(1);
    }
    expect(sizes.checkMerge(state, { a: 1, b: 2, c: 3 })).toEqual({ problem: 'the state would have 6 keys (limit 5)' });
    expect(sizes.checkMerge(state, { a: { b: { c: { d: 1 } } } })).toEqual({
      problem: 'attribute "a" is nested deeper than 3 levels',
    });
    expect(sizes.checkMerge(state, { a: 'x'.repeat(40) })).toMatchObject({
      problem: expect.stringMatching(/characters of JSON \(limit 60\)/),
    });
  });
});
