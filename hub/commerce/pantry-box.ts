import type { Clock } from '../core/clock.js';
import type { Db } from '../store/database.js';
import { HubError } from '../sdk/errors.js';
import type { CatalogStore } from './catalog.js';
import type { OrderDesk, PlaceResult } from './order-desk.js';

export interface PantryFill {
  items: { sku: string; name: string; quantity: number }[];
  volumeMl: number;
  weightG: number;
  capacityMl: number;
  maxWeightG: number;
}

/**
 * Small items collect in a box and go out as one order when the box is full (by volume or
 * weight) or on request. An item that would overflow the box sends the box first.
 */
export class PantryBox {
  constructor(
    private readonly deps: {
      db: Db;
      catalog: CatalogStore;
      desk: OrderDesk;
      clock: Clock;
      capacityMl: number;
      maxWeightG: number;
    },
  ) {}

  contents(): PantryFill {
    const rows = this.deps.db
      .prepare('SELECT sku, SUM(quantity) AS quantity FROM commerce_pantry_items GROUP BY sku ORDER BY MIN(id)')
      .all() as { sku: string; quantity: number }[];
    let volumeMl = 0;
    let weightG = 0;
    const items = rows.map((r) => {
      const p = this.deps.catalog.get(r.sku);
      volumeMl += (p?.volumeMl ?? 0) * r.quantity;
      weightG += (p?.weightG ?? 0) * r.quantity;
      return { sku: r.sku, name: p?.name ?? r.sku, quantity: r.quantity };
    });
    return { items, volumeMl, weightG, capacityMl: this.deps.capacityMl, maxWeightG: this.deps.maxWeightG };
  }

  /** Adds an item; returns the order if the box was sent as a result. */
  add(sku: string, quantity: number, userId: string): { sent?: PlaceResult; fill: PantryFill } {
    const { db, catalog, clock } = this.deps;
    return db.transaction(() => {
      const product = catalog.get(sku);
      if (!product) throw new HubError('NOT_FOUND', `Unknown SKU "${sku}".`);
      if (!product.pantryEligible)
        throw new HubError('VALIDATION_FAILED', `${product.name} is too big for the pantry box; order it on its own.`);
      if (product.volumeMl * quantity > this.deps.capacityMl || product.weightG * quantity > this.deps.maxWeightG)
        throw new HubError(
          'VALIDATION_FAILED',
          `${quantity} × ${product.name} do not fit in one pantry box; order fewer.`,
        );
      let sent: PlaceResult | undefined;
      const before = this.contents();
      if (
        before.volumeMl + product.volumeMl * quantity > this.deps.capacityMl ||
        before.weightG + product.weightG * quantity > this.deps.maxWeightG
      )
        sent = this.send(userId);
      db.prepare('INSERT INTO commerce_pantry_items (sku, quantity, user_id, added_at) VALUES (?, ?, ?, ?)').run(
        sku,
        quantity,
        userId,
        clock.now(),
      );
      const after = this.contents();
      if (!sent && (after.volumeMl >= this.deps.capacityMl || after.weightG >= this.deps.maxWeightG))
        sent = this.send(userId);
      return { ...(sent ? { sent } : {}), fill: this.contents() };
    })();
  }

  /** Sends the box as one order; the box empties only if the order was accepted. */
  send(userId: string): PlaceResult {
    return this.deps.db.transaction(() => {
      const fill = this.contents();
      if (!fill.items.length) throw new HubError('CONFLICT', 'The pantry box is empty; add something first.');
      const result = this.deps.desk.place({
        lines: fill.items.map((i) => ({ sku: i.sku, quantity: i.quantity })),
        userId,
        source: 'pantry',
        sourceRef: 'pantry-box',
      });
      this.deps.db.prepare('DELETE FROM commerce_pantry_items').run();
      return result;
    })();
  }
}
