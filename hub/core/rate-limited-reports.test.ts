import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { RateLimitedReports } from './rate-limited-reports.js';

describe('RateLimitedReports', () => {
  it('lets a burst of perSecond through, counts the rest, and says how many with the next one', () => {
    const clock = new ManualClock();
    const summaries: number[] = [];
    const reports = new RateLimitedReports(clock, 5, (n) => summaries.push(n));
    const outcomes = Array.from({ length: 8 }, () => reports.allow());
    expect(outcomes).toEqual([0, 0, 0, 0, 0, undefined, undefined, undefined]);
    clock.advance(200); // one token back
    expect(reports.allow()).toBe(3);
    expect(reports.allow()).toBeUndefined();
    clock.advance(1000); // the summary timer of the one left out fires
    expect(summaries).toEqual([1]);
    expect(reports.allow()).toBe(0);
  });

  it('summarises a flood that stops, once', () => {
    const clock = new ManualClock();
    const summaries: number[] = [];
    const reports = new RateLimitedReports(clock, 1, (n) => summaries.push(n));
    for (let i = 0; i < 1000; i++) reports.allow();
    clock.advance(1000);
    clock.advance(5000);
    expect(summaries).toEqual([999]);
    reports.dispose();
  });
});
