import type { Db } from '../store/database.js';

export interface Suggestion {
  sku: string;
  name: string;
  everyDays: number;
  daysSinceLast: number;
  message: string;
}

const DAY = 86_400_000;

function describeInterval(days: number): string {
  if (days >= 13 && days % 7 <= 1)
    return `every ${Math.round(days / 7) === 1 ? 'week' : `${Math.round(days / 7)} weeks`}`;
  if (days >= 6 && days <= 8) return 'every week';
  return `every ${days} days`;
}

/**
 * Reorder suggestions from this household's own history only: a product bought at least
 * three times whose usual interval has (nearly) passed since the last order.
 */
export function suggestFromHistory(db: Db, now: number): Suggestion[] {
  const rows = db
    .prepare(
      `SELECT created_at, lines_json FROM commerce_orders WHERE status NOT IN ('cancelled', 'failed') ORDER BY created_at`,
    )
    .all() as { created_at: number; lines_json: string }[];
  const bySku = new Map<string, { name: string; times: number[] }>();
  for (const r of rows) {
    for (const line of JSON.parse(r.lines_json) as { sku: string; name: string }[]) {
      const entry = bySku.get(line.sku) ?? { name: line.name, times: [] };
      entry.times.push(r.created_at);
      bySku.set(line.sku, entry);
    }
  }
  const out: Suggestion[] = [];
  for (const [sku, { name, times }] of bySku) {
    if (times.length < 3) continue;
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    if (mean < DAY) continue;
    const since = now - times[times.length - 1]!;
    if (since < mean * 0.85) continue;
    const everyDays = Math.round(mean / DAY);
    out.push({
      sku,
      name,
      everyDays,
      daysSinceLast: Math.floor(since / DAY),
      message: `You usually order ${name} ${describeInterval(everyDays)}; shall I add it?`,
    });
  }
  return out.sort((a, b) => b.daysSinceLast / b.everyDays - a.daysSinceLast / a.everyDays);
}
