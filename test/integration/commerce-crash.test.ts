import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../scripts/crash-test.js';

describe('commerce under SIGKILL', () => {
  it('crash test (short): 40 orders, 10 SIGKILLs, nothing lost or duplicated', async () => {
    // A fixed seed: the kill moments and marketplace faults are the same choices on every run.
    const r = await runCrashTest({ orders: 40, kills: 10, seed: 20260310 });
    expect(r.kills).toBeGreaterThanOrEqual(10);
    expect(r.acknowledged).toBeGreaterThanOrEqual(40);
    expect(r.lost).toBe(0);
    expect(r.duplicated).toBe(0);
    expect(r.atMarketplace).toBe(r.committed);
  }, 120_000);
});
