import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { Db } from '../store/database.js';
import { HubError } from '../sdk/errors.js';
import type { CatalogStore } from './catalog.js';
import type { CommerceConfig } from './config.js';
import type { OrderStore } from './order-store.js';
import { monthOf, type PurchasePolicy } from './policy.js';
import { matchProduct } from './product-matcher.js';
import { formatMoney, type Order, type OrderLine, type OrderRequest, type OrderSource, type Quote } from './types.js';

export interface PlaceOptions {
  lines: { sku: string; quantity: number }[];
  userId: string;
  source: OrderSource;
  sourceRef?: string;
  /** The buyer's PIN was accepted before the transaction (`PurchasePolicy.verifyPin`). */
  pinVerified?: boolean;
  /** For buttons and replenishment: refuse a new order while the last one from this source is open. */
  dedupe?: { untilShipped: boolean; windowMs: number };
}

/** Buttons, replenishment rules and the pantry box were authorised by an adult in the config: no PIN asked. */
export const isPreauthorised = (source: OrderSource): boolean =>
  source === 'button' || source === 'replenishment' || source === 'pantry';

export type PlaceResult =
  | { status: 'created'; order: Order }
  | { status: 'deduplicated'; order: Order; reason: string };

/**
 * Where every order is born: quote, policy, dedupe and the order + outbox insert run in one
 * SQLite transaction, so a refused order never reaches the outbox and two presses can never
 * both pass the "last order still open?" check.
 */
export class OrderDesk {
  constructor(
    private readonly deps: {
      db: Db;
      store: OrderStore;
      catalog: CatalogStore;
      policy: PurchasePolicy;
      clock: Clock;
      config: CommerceConfig;
    },
  ) {}

  resolveLines(request: OrderRequest): { sku: string; quantity: number }[] {
    if (request.lines?.length) return request.lines;
    if (!request.product) throw new HubError('VALIDATION_FAILED', 'Name a product or give SKUs to order.');
    const match = matchProduct(request.product, this.deps.catalog.all());
    if (match.status === 'none')
      throw new HubError(
        'NOT_FOUND',
        `No product matches "${request.product}"${match.suggestions.length ? `; did you mean ${match.suggestions.map((p) => p.name).join(' or ')}?` : '.'}`,
        { suggestions: match.suggestions.map((p) => p.sku) },
      );
    if (match.status === 'ambiguous')
      throw new HubError(
        'CONFLICT',
        `"${request.product}" could be ${match.candidates.map((p) => p.name).join(' or ')}; which one?`,
        { candidates: match.candidates.map((p) => ({ sku: p.sku, name: p.name })) },
      );
    return [{ sku: match.product.sku, quantity: request.quantity ?? 1 }];
  }

  quote(lines: { sku: string; quantity: number }[]): Quote {
    const priced: OrderLine[] = lines.map((l) => {
      const product = this.deps.catalog.get(l.sku);
      if (!product)
        throw new HubError(
          'NOT_FOUND',
          `Unknown SKU "${l.sku}"; the catalog may not be synced yet — check the marketplace connection.`,
        );
      return { sku: product.sku, name: product.name, quantity: l.quantity, unitPriceCents: product.priceCents };
    });
    const totalCents = priced.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
    const currency = this.deps.config.currency;
    const summary =
      priced
        .map((l) => {
          const pack = this.deps.catalog.get(l.sku)?.packSize;
          return `${l.quantity > 1 ? `${l.quantity} × ` : ''}${l.name}${pack ? `, ${pack}` : ''}`;
        })
        .join('; ') + `, ${formatMoney(totalCents, currency)}`;
    return { lines: priced, totalCents, currency, summary };
  }

  /** Runs the PIN-free checks now, so a refusal is spoken before asking for confirmation. */
  precheck(userId: string, quote: Quote): void {
    const now = this.deps.clock.now();
    this.deps.policy.checkWithoutPin({
      userId,
      totalCents: quote.totalCents,
      monthSpentCents: this.deps.store.monthSpent(monthOf(now, this.deps.config.timeZone)),
      now,
      preauthorised: false,
    });
  }

  place(options: PlaceOptions): PlaceResult {
    const { db, store, policy, clock, config } = this.deps;
    return db.transaction((): PlaceResult => {
      const now = clock.now();
      if (options.dedupe && options.sourceRef) {
        const last = store.lastFromSource(options.source, options.sourceRef);
        if (last) {
          if (options.dedupe.untilShipped && (last.status === 'pending' || last.status === 'placed'))
            return {
              status: 'deduplicated',
              order: last,
              reason: `the previous order (${last.lines[0]?.name ?? last.id}) has not shipped yet`,
            };
          if (now - last.createdAt < options.dedupe.windowMs)
            return {
              status: 'deduplicated',
              order: last,
              reason: `an order was placed ${Math.round((now - last.createdAt) / 1000)} s ago`,
            };
        }
      }
      const quote = this.quote(options.lines);
      const month = monthOf(now, config.timeZone);
      const preauthorised = isPreauthorised(options.source);
      policy.check({
        userId: options.userId,
        totalCents: quote.totalCents,
        monthSpentCents: store.monthSpent(month),
        now,
        preauthorised,
        pinVerified: options.pinVerified ?? false,
      });
      const order: Order = {
        id: randomUUID(),
        createdAt: now,
        userId: options.userId,
        source: options.source,
        lines: quote.lines,
        totalCents: quote.totalCents,
        currency: quote.currency,
        status: 'pending',
        cancelRequested: false,
      };
      if (options.sourceRef) order.sourceRef = options.sourceRef;
      store.insertWithOutbox(order, month, `place-${order.id}`);
      return { status: 'created', order };
    })();
  }

  /** Cancels through the outbox (after the place row, so the marketplace sees them in order). */
  requestCancel(orderId: string): Order {
    const { db, store, clock } = this.deps;
    return db.transaction(() => {
      const order = store.get(orderId);
      if (!order) throw new HubError('NOT_FOUND', `No order "${orderId}".`);
      if (order.status === 'cancelled' || order.cancelRequested) return order;
      if (order.status !== 'pending' && order.status !== 'placed')
        throw new HubError('CONFLICT', `The order is already ${order.status} and can no longer be cancelled.`);
      store.markCancelRequested(orderId);
      store.enqueue(orderId, 'cancel', `cancel-${orderId}`, clock.now());
      return { ...order, cancelRequested: true };
    })();
  }
}
