import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../scripts/crash-test.js';

describe('commerce under SIGKILL', () => {
  it('crash test (short): 40 orders, 10 SIGKILLs, nothing lost or duplicated', async () => {
    // A fixed seed: the kill moments and marketplace faults are the same choices on every run. Kills come after a
    // number of answered attempts, not after a time, so the run does the same work on a loaded machine, only
    // slower: the ceiling (11 process starts through tsx) only fires on a real hang.
    const r = await runCrashTest({ orders: 40, kills: 10, seed: 20260310 });
    expect(r.kills).toBeGreaterThanOrEqual(10);
    expect(r.acknowledged).toBeGreaterThanOrEqual(40);
    expect(r.lost).toBe(0);
    expect(r.duplicated).toBe(0);
    expect(r.atMarketplace).toBe(r.committed);
  }, 400_000);
});
