import type { Db } from '../store/database.js';
import type { Order, OrderLine, OrderSource, OrderStatus, OutboxRow } from './types.js';

interface OrderRow {
  id: string;
  created_at: number;
  user_id: string;
  source: OrderSource;
  source_ref: string | null;
  lines_json: string;
  total_cents: number;
  currency: string;
  status: OrderStatus;
  marketplace_id: string | null;
  cancel_requested: number;
}
interface OutboxDbRow {
  seq: number;
  order_id: string;
  op: 'place' | 'cancel';
  idempotency_key: string;
  state: OutboxRow['state'];
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
}

const toOrder = (r: OrderRow): Order => {
  const order: Order = {
    id: r.id,
    createdAt: r.created_at,
    userId: r.user_id,
    source: r.source,
    lines: JSON.parse(r.lines_json) as OrderLine[],
    totalCents: r.total_cents,
    currency: r.currency,
    status: r.status,
    cancelRequested: r.cancel_requested === 1,
  };
  if (r.source_ref !== null) order.sourceRef = r.source_ref;
  if (r.marketplace_id !== null) order.marketplaceId = r.marketplace_id;
  return order;
};
const toOutbox = (r: OutboxDbRow): OutboxRow => {
  const row: OutboxRow = {
    seq: r.seq,
    orderId: r.order_id,
    op: r.op,
    idempotencyKey: r.idempotency_key,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
  };
  if (r.last_error !== null) row.lastError = r.last_error;
  return row;
};

/** Status moves only forward; a late or repeated update never moves an order back. */
const RANK: Record<OrderStatus, number> = { pending: 0, placed: 1, shipped: 2, delivered: 3, cancelled: 4, failed: 4 };

/** Orders and their outbox rows in SQLite. Callers wrap writes that belong together in one transaction. */
export class OrderStore {
  constructor(private readonly db: Db) {}

  insertWithOutbox(order: Order, month: string, idempotencyKey: string): void {
    this.db
      .prepare(`INSERT INTO commerce_orders (id, created_at, month, user_id, source, source_ref, lines_json, total_cents, currency, status, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        order.id,
        order.createdAt,
        month,
        order.userId,
        order.source,
        order.sourceRef ?? null,
        JSON.stringify(order.lines),
        order.totalCents,
        order.currency,
        order.status,
        order.createdAt,
      );
    this.enqueue(order.id, 'place', idempotencyKey, order.createdAt);
  }

  enqueue(orderId: string, op: 'place' | 'cancel', idempotencyKey: string, now: number): void {
    this.db
      .prepare('INSERT INTO commerce_outbox (order_id, op, idempotency_key, created_at) VALUES (?, ?, ?, ?)')
      .run(orderId, op, idempotencyKey, now);
  }

  get(id: string): Order | undefined {
    const row = this.db.prepare('SELECT * FROM commerce_orders WHERE id = ?').get(id) as OrderRow | undefined;
    return row && toOrder(row);
  }

  findByMarketplaceId(marketplaceId: string): Order | undefined {
    const row = this.db.prepare('SELECT * FROM commerce_orders WHERE marketplace_id = ?').get(marketplaceId) as
      | OrderRow
      | undefined;
    return row && toOrder(row);
  }

  list(options: { limit?: number; userId?: string } = {}): Order[] {
    const rows = options.userId
      ? this.db
          .prepare('SELECT * FROM commerce_orders WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
          .all(options.userId, options.limit ?? 100)
      : this.db
          .prepare('SELECT * FROM commerce_orders ORDER BY created_at DESC, rowid DESC LIMIT ?')
          .all(options.limit ?? 100);
    return (rows as OrderRow[]).map(toOrder);
  }

  lastFromSource(source: OrderSource, sourceRef: string): Order | undefined {
    const row = this.db
      .prepare(`SELECT * FROM commerce_orders WHERE source = ? AND source_ref = ? AND status NOT IN ('cancelled', 'failed')
      ORDER BY created_at DESC, rowid DESC LIMIT 1`)
      .get(source, sourceRef) as OrderRow | undefined;
    return row && toOrder(row);
  }

  monthSpent(month: string): number {
    return this.db
      .prepare(
        `SELECT COALESCE(SUM(total_cents), 0) FROM commerce_orders WHERE month = ? AND status NOT IN ('cancelled', 'failed')`,
      )
      .pluck()
      .get(month) as number;
  }

  /** Returns true when the status actually moved forward. */
  setStatus(id: string, status: OrderStatus, now: number, marketplaceId?: string): boolean {
    const current = this.get(id);
    if (!current) return false;
    if (marketplaceId && !current.marketplaceId)
      this.db.prepare('UPDATE commerce_orders SET marketplace_id = ? WHERE id = ?').run(marketplaceId, id);
    if (RANK[status] <= RANK[current.status]) return false;
    this.db.prepare('UPDATE commerce_orders SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
    return true;
  }

  markCancelRequested(id: string): void {
    this.db.prepare('UPDATE commerce_orders SET cancel_requested = 1 WHERE id = ?').run(id);
  }

  nextPending(): OutboxRow | undefined {
    const row = this.db.prepare(`SELECT * FROM commerce_outbox WHERE state = 'pending' ORDER BY seq LIMIT 1`).get() as
      | OutboxDbRow
      | undefined;
    return row && toOutbox(row);
  }

  outbox(state?: OutboxRow['state']): OutboxRow[] {
    const rows = state
      ? this.db.prepare('SELECT * FROM commerce_outbox WHERE state = ? ORDER BY seq').all(state)
      : this.db.prepare('SELECT * FROM commerce_outbox ORDER BY seq').all();
    return (rows as OutboxDbRow[]).map(toOutbox);
  }

  completeOutbox(seq: number, state: 'done' | 'failed', now: number, error?: string): void {
    this.db
      .prepare('UPDATE commerce_outbox SET state = ?, done_at = ?, last_error = ? WHERE seq = ?')
      .run(state, now, error ?? null, seq);
  }

  retryOutbox(seq: number, nextAttemptAt: number, error: string): void {
    this.db
      .prepare('UPDATE commerce_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE seq = ?')
      .run(nextAttemptAt, error, seq);
  }

  /** Orders the marketplace may still advance: polled until they are final. */
  openCount(): number {
    return this.db
      .prepare(`SELECT COUNT(*) FROM commerce_orders WHERE status IN ('pending', 'placed', 'shipped')`)
      .pluck()
      .get() as number;
  }
}
