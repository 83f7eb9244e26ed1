import { describe, expect, it } from 'vitest';
import { fitRssTrend } from '../../scripts/soak-trend.js';

const MB = 1048576;

describe('fitRssTrend', () => {
  it('finds no trend in flat noise and a trend in a steady climb', () => {
    const flat = Array.from({ length: 100 }, (_, i) => ({
      atMs: i * 1000,
      rssBytes: 200 * MB + ((i * 7919) % 13) * 100_000,
    }));
    const climbing = Array.from({ length: 100 }, (_, i) => ({ atMs: i * 1000, rssBytes: 200 * MB + i * 0.5 * MB }));
    expect(fitRssTrend(flat).growing).toBe(false);
    const trend = fitRssTrend(climbing);
    expect(trend.growing).toBe(true);
    expect(trend.slopeKbPerMin).toBe(30 * 1024);
  });

  it('ignores the warm-up', () => {
    const samples = Array.from({ length: 50 }, (_, i) => ({
      atMs: i * 1000,
      rssBytes: (i < 5 ? 100 + i * 20 : 200) * MB,
    }));
    expect(fitRssTrend(samples).slopeKbPerMin).toBe(0);
  });
});
