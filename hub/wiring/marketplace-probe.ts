/**
 * Whether the marketplace answers, for /status. Any HTTP answer below 500 counts as reachable
 * (the probe asks for the catalog, which every marketplace serves); the result is kept between probes
 * because /status must answer at once.
 */
import type { ComponentStatus } from '../api/types.js';
import type { Clock, TimerHandle } from '../core/clock.js';

export interface MarketplaceProbeOptions {
  url: string;
  clock: Clock;
  intervalMs: number;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

export class MarketplaceProbe {
  private last: ComponentStatus;
  private timer: TimerHandle | undefined;
  private running = false;
  private inFlight: Promise<ComponentStatus> | undefined;

  constructor(private readonly options: MarketplaceProbeOptions) {
    this.last = { status: 'degraded', detail: `${options.url}: not checked yet` };
  }

  /** Probes in the background; never delays the hub's start. */
  start(): void {
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  status(): ComponentStatus {
    return this.last;
  }

  /** Probes now (tests and `hearth status` after a fix); concurrent calls share one request. */
  probe(): Promise<ComponentStatus> {
    this.inFlight ??= this.check().then((s) => {
      this.last = s;
      this.inFlight = undefined;
      return s;
    });
    return this.inFlight;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = this.options.clock.setTimeout(() => {
      void this.probe().finally(() => this.schedule(this.options.intervalMs));
    }, delayMs);
  }

  private async check(): Promise<ComponentStatus> {
    const { url, timeoutMs } = this.options;
    const doFetch = this.options.fetchImpl ?? fetch;
    try {
      const res = await doFetch(`${url.replace(/\/$/, '')}/catalog`, {
        method: 'GET',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body?.cancel();
      if (res.status >= 500)
        return {
          status: 'degraded',
          detail: `${url} answers ${res.status}; orders wait in the outbox and are retried`,
        };
      return { status: 'ok', detail: `${url} reachable` };
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return { status: 'degraded', detail: `${url} unreachable (${why}); orders wait in the outbox until it answers` };
    }
  }
}
