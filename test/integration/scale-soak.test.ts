/**
 * The soak script in short mode (~20 s): household traffic, device and text commands, orders, with a device
 * drop, a marketplace outage and a Mosquitto restart. No confirmed order may be lost or duplicated.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from '../../scripts/soak.js';

describe('soak (short)', () => {
  it('keeps serving commands and loses or duplicates no order through device, broker and marketplace faults', async () => {
    const summary = await runSoak({
      durationMs: 20_000,
      external: true,
      sampleEveryMs: 1000,
      faultEveryMs: 5000,
      faultMs: 2000,
    });
    expect(summary.faults.deviceDrops).toBeGreaterThanOrEqual(1);
    expect(summary.faults.marketplaceOutages).toBeGreaterThanOrEqual(1);
    expect(summary.faults.brokerRestarts).toBeGreaterThanOrEqual(1);
    expect(summary.orders.confirmed).toBeGreaterThanOrEqual(3);
    expect(summary.orders.lost).toEqual([]);
    expect(summary.orders.duplicated).toEqual([]);
    expect(summary.orders.outboxPendingAtEnd).toBe(0);
    expect(summary.orders.inLedgerOnce + summary.orders.failedAtMarketplace).toBe(summary.orders.confirmed);
    // Commands keep working: most succeed even though the broker restarted in the middle.
    expect(summary.traffic.commandsOk).toBeGreaterThan(summary.traffic.commandsFailed * 4);
    expect(summary.traffic.utterancesOk).toBeGreaterThan(0);
    expect(summary.rss.samples).toBeGreaterThanOrEqual(10);
  }, 60_000);
});
