import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { Db } from '../store/database.js';
import { HubError } from '../sdk/errors.js';
import { isPreauthorised, type OrderDesk, type PlaceResult } from './order-desk.js';
import type { OrderStore } from './order-store.js';
import type { PurchasePolicy } from './policy.js';
import type { OrderSource, Quote } from './types.js';

interface Pending {
  lines: { sku: string; quantity: number }[];
  userId: string;
  source: OrderSource;
}
/** A quote that awaits "yes" (and the PIN when one is required). */
export interface PendingConfirmation {
  token: string;
  userId: string;
  source: OrderSource;
  quote: Quote;
  expiresAt: number;
  pinAttempts: number;
}

interface Row {
  token: string;
  request_json: string;
  quote_json: string;
  expires_at: number;
  attempts: number;
  order_id: string | null;
}

/**
 * The two-step purchase: `prepare` quotes and pre-checks, `confirm` places. Tokens live in
 * SQLite and remember the order they produced, so a repeated "yes" returns the same order.
 */
export class Confirmations {
  constructor(
    private readonly deps: {
      db: Db;
      desk: OrderDesk;
      store: OrderStore;
      policy: PurchasePolicy;
      clock: Clock;
      ttlMs: number;
    },
  ) {}

  create(pending: Pending, quote: Quote): { token: string; expiresAt: number } {
    const token = randomBytes(16).toString('hex');
    const expiresAt = this.deps.clock.now() + this.deps.ttlMs;
    this.deps.db
      .prepare('DELETE FROM commerce_confirmations WHERE expires_at < ? AND order_id IS NULL')
      .run(this.deps.clock.now());
    this.deps.db
      .prepare('INSERT INTO commerce_confirmations (token, request_json, quote_json, expires_at) VALUES (?, ?, ?, ?)')
      .run(token, JSON.stringify(pending), JSON.stringify(quote), expiresAt);
    return { token, expiresAt };
  }

  /**
   * The PIN is checked first, off the event loop (scrypt takes ~35 ms); the transaction that places the order then
   * re-reads the token (a concurrent "yes" may have placed it, or a "no" declined it) and the policy re-checks the
   * limits and the lockout, so nothing that must be atomic depends on the check made outside it.
   */
  async confirm(token: string, pin?: string): Promise<PlaceResult> {
    const { db, desk, policy } = this.deps;
    const first = this.open(token);
    if ('status' in first) return first;
    const needsPin = policy.needsPin(isPreauthorised(first.source));
    if (needsPin) {
      // A refusal that needs no PIN (limits, quiet hours) comes first and costs no PIN attempt.
      desk.precheck(first.userId, desk.quote(first.lines));
      try {
        await policy.verifyPin(first.userId, pin);
      } catch (err) {
        if (err instanceof HubError && (err.details as { reason?: string } | undefined)?.reason === 'pin_wrong')
          db.prepare('UPDATE commerce_confirmations SET attempts = attempts + 1 WHERE token = ?').run(token);
        throw err;
      }
    }
    return db.transaction((): PlaceResult => {
      const pending = this.open(token);
      if ('status' in pending) return pending;
      const result = desk.place({ ...pending, pinVerified: needsPin });
      db.prepare('UPDATE commerce_confirmations SET order_id = ? WHERE token = ?').run(result.order.id, token);
      return result;
    })();
  }

  /** The request still to place, or the order an earlier "yes" placed; throws when the token is gone or expired. */
  private open(token: string): Pending | PlaceResult {
    const row = this.deps.db.prepare('SELECT * FROM commerce_confirmations WHERE token = ?').get(token) as
      | Row
      | undefined;
    if (!row) throw new HubError('NOT_FOUND', 'This confirmation does not exist; ask for the product again.');
    if (row.order_id) {
      const order = this.deps.store.get(row.order_id);
      if (order) return { status: 'created', order };
    }
    if (row.expires_at < this.deps.clock.now())
      throw new HubError('CONFLICT', 'The confirmation expired; ask for the product again.');
    return JSON.parse(row.request_json) as Pending;
  }

  /** Quotes not yet confirmed, declined or expired, oldest first. */
  pending(): PendingConfirmation[] {
    const rows = this.deps.db
      .prepare('SELECT * FROM commerce_confirmations WHERE order_id IS NULL AND expires_at >= ? ORDER BY expires_at')
      .all(this.deps.clock.now()) as Row[];
    return rows.map((row) => {
      const request = JSON.parse(row.request_json) as Pending;
      return {
        token: row.token,
        userId: request.userId,
        source: request.source,
        quote: JSON.parse(row.quote_json) as Quote,
        expiresAt: row.expires_at,
        pinAttempts: row.attempts,
      };
    });
  }

  /** Who the quote buys for; undefined when the token is unknown. */
  buyer(token: string): string | undefined {
    const json = this.deps.db
      .prepare('SELECT request_json FROM commerce_confirmations WHERE token = ?')
      .pluck()
      .get(token) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as Pending).userId;
  }

  decline(token: string): void {
    this.deps.db.prepare('DELETE FROM commerce_confirmations WHERE token = ? AND order_id IS NULL').run(token);
  }
}
