/**
 * Lets at most `perSecond` reports a second through (in bursts of up to that many) and counts the rest, so a flood
 * of refusals or a chatty skill cannot become a flood of log lines: the hub's log writes are synchronous, and a slow
 * reader of its output would stall the hub with them. What was left out is said with the next report, or in a
 * summary a second after the first one left out.
 */
import type { Clock, TimerHandle } from './clock.js';

export class RateLimitedReports {
  private tokens: number;
  private refilledAt: number;
  private suppressed = 0;
  private summary: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly perSecond: number,
    /** Called with how many reports were left out when no report came through to say it. */
    private readonly summarize: (suppressed: number) => void,
  ) {
    this.tokens = perSecond;
    this.refilledAt = clock.now();
  }

  /** The number left out before this report when it may go through (0 usually), undefined when it is left out. */
  allow(): number | undefined {
    const now = this.clock.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      const left = this.suppressed;
      this.suppressed = 0;
      return left;
    }
    this.suppressed++;
    this.summary ??= this.clock.setTimeout(() => {
      this.summary = undefined;
      if (this.suppressed > 0) this.summarize(this.suppressed);
      this.suppressed = 0;
    }, 1000);
    return undefined;
  }

  /** Stops the pending summary (on stop). */
  dispose(): void {
    if (this.summary) this.clock.clearTimeout(this.summary);
    this.summary = undefined;
  }
}
