import type { Clock, TimerHandle } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../store/database.js';
import { backoffDelay } from './backoff.js';
import { MarketplaceCallError, type MarketplaceClient } from './marketplace-client.js';
import type { OrderStore } from './order-store.js';
import type { OrderStatus, OutboxRow } from './types.js';

export interface OutboxWorkerDeps {
  db: Db;
  store: OrderStore;
  client: MarketplaceClient;
  clock: Clock;
  log: Logger;
  backoff: { baseMs: number; maxMs: number };
  random?: () => number;
  /** Called after the status change is committed. */
  onChange: (orderId: string, status: OrderStatus, note?: string) => void;
}

/**
 * Drains the outbox strictly in order, one row at a time. Sending is at-least-once (a
 * crash after the marketplace accepted but before the row is marked done sends again);
 * the idempotency key makes the marketplace answer with the same order, so the household
 * gets exactly one. A failing head row blocks those behind it, so orders go out in order.
 */
export class OutboxWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private again = false;
  private timer: TimerHandle | undefined;

  constructor(private readonly deps: OutboxWorkerDeps) {}

  async start(): Promise<void> {
    this.running = true;
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
    await this.loop;
  }

  /** Something was enqueued or the marketplace may be back: drain now. */
  kick(): void {
    if (!this.running) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.loop = this.drain(false)
      .then(() => undefined)
      .finally(() => {
        this.loop = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Sends every due row now; with `ignoreBackoff` also rows still waiting out a backoff. Returns rows sent. */
  async drainNow(ignoreBackoff = false): Promise<number> {
    while (this.loop) await this.loop;
    return this.drain(ignoreBackoff);
  }

  private async drain(ignoreBackoff: boolean): Promise<number> {
    let sent = 0;
    for (;;) {
      const row = this.deps.store.nextPending();
      if (!row) return sent;
      const wait = row.nextAttemptAt - this.deps.clock.now();
      if (wait > 0 && !ignoreBackoff) {
        if (this.running) this.timer = this.deps.clock.setTimeout(() => this.kick(), wait);
        return sent;
      }
      const ok = await this.send(row);
      if (!ok) {
        if (ignoreBackoff) return sent;
        continue;
      }
      sent++;
    }
  }

  private async send(row: OutboxRow): Promise<boolean> {
    const { store, client, db, clock, log } = this.deps;
    const order = store.get(row.orderId);
    if (!order) {
      store.completeOutbox(row.seq, 'failed', clock.now(), 'order row missing');
      return true;
    }
    try {
      if (row.op === 'place') {
        const remote = await client.placeOrder(
          row.idempotencyKey,
          order.id,
          order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
        );
        const changed = db.transaction(() => {
          store.completeOutbox(row.seq, 'done', clock.now());
          return store.setStatus(order.id, remote.status, clock.now(), remote.id);
        })();
        if (changed) this.deps.onChange(order.id, remote.status);
      } else {
        if (!order.marketplaceId) {
          // The place row failed for good, so there is nothing at the marketplace to cancel.
          const changed = db.transaction(() => {
            store.completeOutbox(row.seq, 'done', clock.now());
            return store.setStatus(order.id, 'cancelled', clock.now());
          })();
          if (changed) this.deps.onChange(order.id, 'cancelled');
          return true;
        }
        const remote = await client.cancelOrder(order.marketplaceId);
        const changed = db.transaction(() => {
          store.completeOutbox(row.seq, 'done', clock.now());
          return store.setStatus(order.id, remote.status, clock.now());
        })();
        if (changed) this.deps.onChange(order.id, remote.status);
      }
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof MarketplaceCallError && err.retryable) {
        const delay = backoffDelay(
          row.attempts + 1,
          this.deps.backoff.baseMs,
          this.deps.backoff.maxMs,
          this.deps.random,
        );
        store.retryOutbox(row.seq, clock.now() + delay, message);
        log.warn(
          { orderId: order.id, op: row.op, attempts: row.attempts + 1, retryInMs: delay, err: message },
          'marketplace call failed; will retry',
        );
        return false;
      }
      log.error({ orderId: order.id, op: row.op, err: message }, 'marketplace refused the request; giving up on it');
      if (row.op === 'place') {
        const changed = db.transaction(() => {
          store.completeOutbox(row.seq, 'failed', clock.now(), message);
          return store.setStatus(order.id, 'failed', clock.now());
        })();
        if (changed) this.deps.onChange(order.id, 'failed', message);
      } else {
        store.completeOutbox(row.seq, 'failed', clock.now(), message);
        this.deps.onChange(order.id, order.status, 'The order could not be cancelled: it has already shipped.');
      }
      return true;
    }
  }
}
