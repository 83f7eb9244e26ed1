import type { Db } from '../store/database.js';
import type { RemoteProduct } from './marketplace-client.js';
import type { Product } from './types.js';

interface ProductRow {
  sku: string;
  name: string;
  aliases_json: string;
  price_cents: number;
  currency: string;
  pack_size: string;
  category: string;
  volume_ml: number;
  weight_g: number;
  pantry_eligible: number;
}

const toProduct = (r: ProductRow): Product => ({
  sku: r.sku,
  name: r.name,
  aliases: JSON.parse(r.aliases_json) as string[],
  priceCents: r.price_cents,
  currency: r.currency,
  packSize: r.pack_size,
  category: r.category,
  volumeMl: r.volume_ml,
  weightG: r.weight_g,
  pantryEligible: r.pantry_eligible === 1,
});

/** The catalog as last synced from the marketplace, kept in SQLite so ordering works offline. */
export class CatalogStore {
  constructor(private readonly db: Db) {}

  replaceAll(products: readonly RemoteProduct[], syncedAt: number): void {
    this.db.transaction(() => {
      this.insertAll(products, syncedAt);
      this.db.prepare('DELETE FROM commerce_products WHERE synced_at < ?').run(syncedAt);
    })();
  }

  /**
   * The products the household knows before any marketplace has answered (`commerce.catalog`), so "order more
   * coffee" works offline from the first start: kept (synced_at 0) until the first real sync replaces them all.
   * Once a marketplace has synced, its catalog is the truth and the seed is ignored.
   */
  seed(products: readonly RemoteProduct[]): void {
    this.db.transaction(() => {
      if (this.db.prepare('SELECT COUNT(*) FROM commerce_products WHERE synced_at > 0').pluck().get() as number) return;
      this.db.prepare('DELETE FROM commerce_products').run();
      this.insertAll(products, 0);
    })();
  }

  private insertAll(products: readonly RemoteProduct[], syncedAt: number): void {
    const insert = this.db.prepare(`INSERT INTO commerce_products
      (sku, name, aliases_json, price_cents, currency, pack_size, category, volume_ml, weight_g, pantry_eligible, synced_at)
      VALUES (@sku, @name, @aliases, @priceCents, @currency, @packSize, @category, @volumeMl, @weightG, @pantry, @syncedAt)
      ON CONFLICT(sku) DO UPDATE SET name=excluded.name, aliases_json=excluded.aliases_json, price_cents=excluded.price_cents,
        currency=excluded.currency, pack_size=excluded.pack_size, category=excluded.category, volume_ml=excluded.volume_ml,
        weight_g=excluded.weight_g, pantry_eligible=excluded.pantry_eligible, synced_at=excluded.synced_at`);
    for (const p of products)
      insert.run({ ...p, aliases: JSON.stringify(p.aliases), pantry: p.pantryEligible ? 1 : 0, syncedAt });
  }

  all(): Product[] {
    return (this.db.prepare('SELECT * FROM commerce_products ORDER BY sku').all() as ProductRow[]).map(toProduct);
  }

  get(sku: string): Product | undefined {
    const row = this.db.prepare('SELECT * FROM commerce_products WHERE sku = ?').get(sku) as ProductRow | undefined;
    return row && toProduct(row);
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM commerce_products').pluck().get() as number;
  }
}
