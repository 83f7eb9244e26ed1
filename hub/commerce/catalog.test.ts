import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, openDatabase, type Db } from '../store/database.js';
import { CatalogStore } from './catalog.js';
import type { RemoteProduct } from './marketplace-client.js';
import { commerceMigrations } from './migrations.js';

const product = (sku: string, name: string, aliases: string[] = []): RemoteProduct => ({
  sku,
  name,
  aliases,
  priceCents: 100,
  currency: 'EUR',
  packSize: '',
  category: 'other',
  volumeMl: 0,
  weightG: 0,
  pantryEligible: false,
});

let dir: string;
let db: Db;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function store(): CatalogStore {
  dir = mkdtempSync(join(tmpdir(), 'hearth-catalog-'));
  db = openDatabase(join(dir, 'hearth.db'));
  applyMigrations(db, 'commerce', commerceMigrations);
  return new CatalogStore(db);
}

describe('the catalog before and after a marketplace answers', () => {
  it('offers the seed (commerce.catalog) until the first sync, follows a changed seed, then keeps to the marketplace', () => {
    const catalog = store();
    catalog.seed([product('COF-POD-30', 'Coffee pods', ['coffee'])]);
    expect(catalog.all().map((p) => p.sku)).toEqual(['COF-POD-30']);
    catalog.seed([product('MLK-1L', 'Milk')]); // the config changed before any marketplace answered
    expect(catalog.all().map((p) => p.sku)).toEqual(['MLK-1L']);

    catalog.replaceAll([product('TEA-80', 'Tea')], 1_000);
    expect(catalog.all().map((p) => p.sku)).toEqual(['TEA-80']);
    catalog.seed([product('COF-POD-30', 'Coffee pods')]); // the next start: the marketplace's catalog stays the truth
    expect(catalog.all().map((p) => p.sku)).toEqual(['TEA-80']);
  });
});
