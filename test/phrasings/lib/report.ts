/** Counts verdicts per kind and prints them as a table (the only thing ever printed about the sealed set). */
import type { PhrasingCase } from './cases.js';
import type { Verdict } from './score.js';

export interface KindTally {
  n: number;
  intent: number;
  frame: number;
  /** Cases with expected targets, and those with the full frame and exactly those devices. */
  withTargets: number;
  targets: number;
}

const empty = (): KindTally => ({ n: 0, intent: 0, frame: 0, withTargets: 0, targets: 0 });

export class Tally {
  readonly kinds = new Map<string, KindTally>();

  add(c: PhrasingCase, v: Verdict): void {
    const t = this.kinds.get(c.kind) ?? empty();
    t.n += 1;
    if (v.intentOk) t.intent += 1;
    if (v.frameOk) t.frame += 1;
    if (v.targetsOk !== undefined) t.withTargets += 1;
    if (v.targetsOk) t.targets += 1;
    this.kinds.set(c.kind, t);
  }

  /** All kinds except out-of-scope and unknown devices ("in scope"), and everything. */
  total(filter: (kind: string) => boolean = () => true): KindTally {
    const sum = empty();
    for (const [kind, t] of this.kinds) {
      if (!filter(kind)) continue;
      for (const key of Object.keys(sum) as (keyof KindTally)[]) sum[key] += t[key];
    }
    return sum;
  }
}

export const OUT_OF_SCOPE_KINDS = new Set(['out-of-scope', 'unknown-device']);
export const inScope = (kind: string) => !OUT_OF_SCOPE_KINDS.has(kind);

const pct = (k: number, n: number) => (n === 0 ? '   -  ' : `${((100 * k) / n).toFixed(1).padStart(5)}%`);

/**
 * One line per kind, then "in scope" and "all". With `targets`: two more columns, the cases with expected targets
 * and the share of them with the full frame and exactly those devices (typed answers only: voice has no targets).
 */
export function formatTally(title: string, tally: Tally, options: { targets?: boolean } = {}): string {
  const row = (label: string, t: KindTally) =>
    `  ${label.padEnd(18)} ${String(t.n).padStart(4)}  ${pct(t.intent, t.n)}  ${pct(t.frame, t.n)}` +
    (options.targets ? `  ${String(t.withTargets).padStart(4)}  ${pct(t.targets, t.withTargets)}` : '');
  const head = `  ${'kind'.padEnd(18)} ${'n'.padStart(4)}  intent   frame${options.targets ? '  with  +targets' : ''}`;
  const lines = [title, head];
  for (const kind of [...tally.kinds.keys()].sort()) lines.push(row(kind, tally.kinds.get(kind)!));
  lines.push(row('in scope', tally.total(inScope)));
  lines.push(row('all', tally.total()));
  return lines.join('\n');
}
