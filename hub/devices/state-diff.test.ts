import { describe, expect, it } from 'vitest';
import { diffState } from './state-diff.js';

describe('diffState', () => {
  it('returns only the attributes whose values differ', () => {
    expect(diffState({ on: true, brightness: 40, mode: 'eco' }, { on: true, brightness: 60, mode: 'eco' })).toEqual({
      brightness: 60,
    });
    expect(diffState({}, { on: false })).toEqual({ on: false });
    expect(diffState({ on: 1 }, { on: '1' })).toEqual({ on: '1' });
  });

  it('compares objects and arrays deeply, and treats NaN as equal to NaN', () => {
    expect(
      diffState(
        { color: { r: 1, g: 2 }, list: [1, 2], n: Number.NaN },
        { color: { r: 1, g: 2 }, list: [1, 2], n: Number.NaN },
      ),
    ).toEqual({});
    expect(diffState({ color: { r: 1 } }, { color: { r: 2 } })).toEqual({ color: { r: 2 } });
    expect(diffState({ color: null }, { color: {} })).toEqual({ color: {} });
    expect(diffState({ color: { r: 1 } }, { color: null })).toEqual({ color: null });
  });
});
