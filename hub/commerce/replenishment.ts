import type { Clock } from '../core/clock.js';
import type { Db } from '../store/database.js';
import { isHubError } from '../sdk/errors.js';
import type { ReplenishmentRule } from './config.js';
import type { OrderDesk, PlaceResult } from './order-desk.js';

export type ReplenishmentOutcome =
  | { kind: 'ok' }
  | { kind: 'still_low' }
  | { kind: 'notified'; message: string }
  | { kind: 'ordered'; result: PlaceResult }
  | { kind: 'refused'; message: string };

/**
 * "Below X → reorder SKU". A rule fires when its level crosses from at-or-above the
 * threshold to below it (state kept in SQLite, so a restart does not fire it again);
 * auto-orders also go through the order desk's dedupe, limits and roles.
 */
export class Replenisher {
  constructor(
    private readonly deps: {
      db: Db;
      desk: OrderDesk;
      clock: Clock;
      rules: () => readonly ReplenishmentRule[];
      defaultUser?: string;
      dedupe: { untilShipped: boolean; windowMs: number };
    },
  ) {}

  rulesFor(deviceId: string): ReplenishmentRule[] {
    return this.deps.rules().filter((r) => r.deviceId === deviceId);
  }

  report(rule: ReplenishmentRule, level: number): ReplenishmentOutcome {
    const { db, clock } = this.deps;
    const low = level < rule.belowPercent;
    const wasLow =
      (db.prepare('SELECT low FROM commerce_replenishment_state WHERE rule_id = ?').pluck().get(rule.id) as
        | number
        | undefined) === 1;
    db.prepare(`INSERT INTO commerce_replenishment_state (rule_id, low, level, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(rule_id) DO UPDATE SET low = excluded.low, level = excluded.level, updated_at = excluded.updated_at`).run(
      rule.id,
      low ? 1 : 0,
      level,
      clock.now(),
    );
    if (!low) return { kind: 'ok' };
    if (wasLow) return { kind: 'still_low' };
    const what = `${rule.consumable} on ${rule.deviceId} is at ${Math.round(level)}%`;
    if (rule.mode === 'notify')
      return { kind: 'notified', message: `${what}. Say "order ${rule.consumable}" to reorder.` };
    const userId = rule.user ?? this.deps.defaultUser;
    if (!userId)
      return {
        kind: 'refused',
        message: `${what}, but rule ${rule.id} has no user to buy as; set commerce.defaultUser or the rule's user.`,
      };
    try {
      return {
        kind: 'ordered',
        result: this.deps.desk.place({
          lines: [{ sku: rule.sku, quantity: rule.quantity }],
          userId,
          source: 'replenishment',
          sourceRef: rule.id,
          dedupe: this.deps.dedupe,
        }),
      };
    } catch (err) {
      if (isHubError(err)) return { kind: 'refused', message: `${what}, but the reorder was refused: ${err.message}` };
      throw err;
    }
  }
}
