import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collect-garbage.js';

describe('collectGarbage', () => {
  it('frees unreachable objects without exposing gc as a global', async () => {
    let garbage: object | undefined = { payload: new Array(10_000).fill('x') };
    const collected = new WeakRef(garbage);
    garbage = undefined;
    await new Promise((r) => setImmediate(r)); // WeakRef targets stay alive until the current job ends
    collectGarbage();
    expect(collected.deref()).toBeUndefined();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    collectGarbage(); // a second call reuses the same function
  });
});
