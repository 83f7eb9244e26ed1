import type { Clock, TimerHandle } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../store/database.js';
import type { MarketplaceClient } from './marketplace-client.js';
import type { OrderStore } from './order-store.js';
import type { OrderStatus } from './types.js';

const CURSOR_KEY = 'updates_cursor';

/**
 * Polls the marketplace's status feed (`GET /orders/updates?since=cursor`). The cursor is
 * stored with the status changes in one transaction; repeated events change nothing
 * because statuses only move forward.
 */
export class StatusSync {
  private timer: TimerHandle | undefined;
  private running = false;
  private inFlight: Promise<number> | undefined;

  constructor(
    private readonly deps: {
      db: Db;
      store: OrderStore;
      client: MarketplaceClient;
      clock: Clock;
      log: Logger;
      intervalMs: number;
      onChange: (orderId: string, status: OrderStatus) => void;
    },
  ) {}

  async start(): Promise<void> {
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    await this.inFlight?.catch(() => undefined);
  }

  /** Fetches and applies everything new; returns how many orders changed. */
  pollNow(): Promise<number> {
    this.inFlight ??= this.poll().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.timer = this.deps.clock.setTimeout(() => {
      this.pollNow()
        .catch((err: unknown) =>
          this.deps.log.warn(
            { err: err instanceof Error ? err.message : String(err) },
            'order status poll failed; will try again',
          ),
        )
        .finally(() => this.schedule(this.deps.intervalMs));
    }, ms);
  }

  private async poll(): Promise<number> {
    const { db, store, client, clock } = this.deps;
    let changedTotal = 0;
    for (;;) {
      const cursor = Number(db.prepare('SELECT value FROM commerce_state WHERE key = ?').pluck().get(CURSOR_KEY) ?? 0);
      const feed = await client.updates(cursor);
      const changed: { id: string; status: OrderStatus }[] = [];
      db.transaction(() => {
        for (const u of feed.updates) {
          const order = (u.clientRef && store.get(u.clientRef)) || store.findByMarketplaceId(u.orderId);
          if (!order) continue;
          if (store.setStatus(order.id, u.status, clock.now(), u.orderId))
            changed.push({ id: order.id, status: u.status });
        }
        db.prepare(
          'INSERT INTO commerce_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        ).run(CURSOR_KEY, String(feed.cursor));
      })();
      for (const c of changed) this.deps.onChange(c.id, c.status);
      changedTotal += changed.length;
      if (feed.updates.length === 0 || feed.cursor === cursor) return changedTotal;
    }
  }
}
