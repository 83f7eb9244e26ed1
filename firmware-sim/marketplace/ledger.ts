import { randomUUID } from 'node:crypto';
import type { SimClock } from './clock.js';
import type { SimProduct } from './catalog.js';

export type SimOrderStatus = 'placed' | 'shipped' | 'delivered' | 'cancelled';

export interface SimOrderLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
}

export interface SimOrder {
  id: string;
  idempotencyKey: string;
  clientRef?: string;
  lines: SimOrderLine[];
  totalCents: number;
  currency: string;
  status: SimOrderStatus;
  createdAt: number;
  history: { status: SimOrderStatus; at: number }[];
}

export interface StatusUpdate {
  seq: number;
  orderId: string;
  clientRef?: string;
  status: SimOrderStatus;
  at: number;
}

export interface ProgressionTimes {
  /** Time from placement to shipped. */
  shipAfterMs: number;
  /** Time from placement to delivered. */
  deliverAfterMs: number;
}

export interface NewOrderRequest {
  idempotencyKey: string;
  clientRef?: string;
  lines: { sku: string; quantity: number }[];
}

export type PlaceResult =
  | { kind: 'created' | 'replayed'; order: SimOrder }
  | { kind: 'mismatch'; order: SimOrder }
  | { kind: 'unknown_sku'; sku: string };

/**
 * The shop's books: every order ever created, the idempotency index, and the feed of
 * status changes. Creation is synchronous, so two concurrent requests carrying the same
 * key can never both create an order.
 */
export class OrderLedger {
  private readonly orders = new Map<string, SimOrder>();
  private readonly byKey = new Map<string, { order: SimOrder; fingerprint: string }>();
  private readonly postsByKey = new Map<string, number>();
  private readonly updates: StatusUpdate[] = [];
  private readonly timers = new Map<string, { id: number }[]>();
  private seq = 0;

  constructor(
    private readonly clock: SimClock,
    private readonly catalog: ReadonlyMap<string, SimProduct>,
    private times: ProgressionTimes,
    private readonly duplicateEvents: () => boolean,
  ) {}

  setTimes(times: ProgressionTimes): void {
    this.times = times;
  }

  place(request: NewOrderRequest): PlaceResult {
    this.postsByKey.set(request.idempotencyKey, (this.postsByKey.get(request.idempotencyKey) ?? 0) + 1);
    const fingerprint = JSON.stringify([request.clientRef ?? null, request.lines.map((l) => [l.sku, l.quantity])]);
    const existing = this.byKey.get(request.idempotencyKey);
    if (existing)
      return { kind: existing.fingerprint === fingerprint ? 'replayed' : 'mismatch', order: existing.order };
    const lines: SimOrderLine[] = [];
    for (const line of request.lines) {
      const product = this.catalog.get(line.sku);
      if (!product) return { kind: 'unknown_sku', sku: line.sku };
      lines.push({ sku: product.sku, name: product.name, quantity: line.quantity, unitPriceCents: product.priceCents });
    }
    const now = this.clock.now();
    const order: SimOrder = {
      id: `mk-${randomUUID()}`,
      idempotencyKey: request.idempotencyKey,
      lines,
      totalCents: lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0),
      currency: 'EUR',
      status: 'placed',
      createdAt: now,
      history: [],
    };
    if (request.clientRef !== undefined) order.clientRef = request.clientRef;
    this.orders.set(order.id, order);
    this.byKey.set(request.idempotencyKey, { order, fingerprint });
    this.transition(order, 'placed');
    this.timers.set(order.id, [
      this.clock.setTimeout(() => this.advance(order.id, 'shipped'), this.times.shipAfterMs),
      this.clock.setTimeout(() => this.advance(order.id, 'delivered'), this.times.deliverAfterMs),
    ]);
    return { kind: 'created', order };
  }

  /** Cancelling is allowed until the parcel ships; cancelling twice is harmless. */
  cancel(
    orderId: string,
  ): { ok: true; order: SimOrder } | { ok: false; reason: 'not_found' | 'already_shipped'; order?: SimOrder } {
    const order = this.orders.get(orderId);
    if (!order) return { ok: false, reason: 'not_found' };
    if (order.status === 'cancelled') return { ok: true, order };
    if (order.status !== 'placed') return { ok: false, reason: 'already_shipped', order };
    for (const t of this.timers.get(orderId) ?? []) this.clock.clearTimeout(t);
    this.timers.delete(orderId);
    this.transition(order, 'cancelled');
    return { ok: true, order };
  }

  get(orderId: string): SimOrder | undefined {
    return this.orders.get(orderId);
  }

  list(since = 0): SimOrder[] {
    return [...this.orders.values()].filter((o) => o.createdAt >= since);
  }

  updatesSince(cursor: number, limit: number): { updates: StatusUpdate[]; cursor: number } {
    const updates = this.updates.filter((u) => u.seq > cursor).slice(0, limit);
    return { updates, cursor: updates.length ? updates[updates.length - 1]!.seq : Math.max(cursor, 0) };
  }

  /** For tests and scripts: how many orders each idempotency key / client reference produced. */
  summary(): {
    totalOrders: number;
    ordersByKey: Record<string, number>;
    ordersByClientRef: Record<string, number>;
    postsByKey: Record<string, number>;
  } {
    const ordersByKey: Record<string, number> = {};
    const ordersByClientRef: Record<string, number> = {};
    for (const order of this.orders.values()) {
      ordersByKey[order.idempotencyKey] = (ordersByKey[order.idempotencyKey] ?? 0) + 1;
      if (order.clientRef) ordersByClientRef[order.clientRef] = (ordersByClientRef[order.clientRef] ?? 0) + 1;
    }
    return {
      totalOrders: this.orders.size,
      ordersByKey,
      ordersByClientRef,
      postsByKey: Object.fromEntries(this.postsByKey),
    };
  }

  dispose(): void {
    for (const list of this.timers.values()) for (const t of list) this.clock.clearTimeout(t);
    this.timers.clear();
  }

  private advance(orderId: string, status: SimOrderStatus): void {
    const order = this.orders.get(orderId);
    if (!order || order.status === 'cancelled' || order.status === 'delivered') return;
    this.transition(order, status);
    if (status === 'delivered') this.timers.delete(orderId);
  }

  private transition(order: SimOrder, status: SimOrderStatus): void {
    const at = this.clock.now();
    order.status = status;
    order.history.push({ status, at });
    const copies = this.duplicateEvents() ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const update: StatusUpdate = { seq: ++this.seq, orderId: order.id, status, at };
      if (order.clientRef !== undefined) update.clientRef = order.clientRef;
      this.updates.push(update);
    }
  }
}
