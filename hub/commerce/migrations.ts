import type { Migration } from '../store/database.js';

export const commerceMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'catalog cache, orders, outbox, confirmations, pantry box, replenishment state',
    up: `
      CREATE TABLE commerce_products (
        sku TEXT PRIMARY KEY, name TEXT NOT NULL, aliases_json TEXT NOT NULL, price_cents INTEGER NOT NULL,
        currency TEXT NOT NULL, pack_size TEXT NOT NULL, category TEXT NOT NULL, volume_ml INTEGER NOT NULL,
        weight_g INTEGER NOT NULL, pantry_eligible INTEGER NOT NULL, synced_at INTEGER NOT NULL);
      CREATE TABLE commerce_orders (
        id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, month TEXT NOT NULL, user_id TEXT NOT NULL,
        source TEXT NOT NULL, source_ref TEXT, lines_json TEXT NOT NULL, total_cents INTEGER NOT NULL,
        currency TEXT NOT NULL, status TEXT NOT NULL, marketplace_id TEXT, updated_at INTEGER NOT NULL,
        cancel_requested INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX commerce_orders_source ON commerce_orders (source, source_ref, created_at);
      CREATE INDEX commerce_orders_month ON commerce_orders (month);
      CREATE TABLE commerce_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, order_id TEXT NOT NULL REFERENCES commerce_orders(id),
        op TEXT NOT NULL, idempotency_key TEXT NOT NULL UNIQUE, state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0, last_error TEXT,
        created_at INTEGER NOT NULL, done_at INTEGER);
      CREATE INDEX commerce_outbox_pending ON commerce_outbox (state, seq);
      CREATE TABLE commerce_confirmations (
        token TEXT PRIMARY KEY, request_json TEXT NOT NULL, quote_json TEXT NOT NULL, expires_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, order_id TEXT);
      CREATE TABLE commerce_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE commerce_pantry_items (
        id INTEGER PRIMARY KEY AUTOINCREMENT, sku TEXT NOT NULL, quantity INTEGER NOT NULL, user_id TEXT NOT NULL,
        added_at INTEGER NOT NULL);
      CREATE TABLE commerce_replenishment_state (rule_id TEXT PRIMARY KEY, low INTEGER NOT NULL, level REAL, updated_at INTEGER NOT NULL);
    `,
  },
  {
    version: 2,
    description: 'household PIN: wrong attempts and lockout end per person, so a restart keeps a lockout',
    up: `
      CREATE TABLE commerce_pin_attempts (
        person TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until INTEGER, updated_at INTEGER NOT NULL);
    `,
  },
];
