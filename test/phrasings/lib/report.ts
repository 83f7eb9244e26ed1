/** Counts verdicts per kind and prints them as a table (the only thing ever printed about the sealed set). */
import type { PhrasingCase } from './cases.js';
import type { Verdict } from './score.js';

export interface KindTally {
  n: number;
  intent: number;
  frame: number;
}

export class Tally {
  readonly kinds = new Map<string, KindTally>();

  add(c: PhrasingCase, v: Verdict): void {
    const t = this.kinds.get(c.kind) ?? { n: 0, intent: 0, frame: 0 };
    t.n += 1;
    if (v.intentOk) t.intent += 1;
    if (v.frameOk) t.frame += 1;
    this.kinds.set(c.kind, t);
  }

  /** All kinds except out-of-scope and unknown devices ("in scope"), and everything. */
  total(filter: (kind: string) => boolean = () => true): KindTally {
    const sum = { n: 0, intent: 0, frame: 0 };
    for (const [kind, t] of this.kinds) {
      if (!filter(kind)) continue;
      sum.n += t.n;
      sum.intent += t.intent;
      sum.frame += t.frame;
    }
    return sum;
  }
}

export const OUT_OF_SCOPE_KINDS = new Set(['out-of-scope', 'unknown-device']);
export const inScope = (kind: string) => !OUT_OF_SCOPE_KINDS.has(kind);

const pct = (k: number, n: number) => (n === 0 ? '   -  ' : `${((100 * k) / n).toFixed(1).padStart(5)}%`);

export function formatTally(title: string, tally: Tally): string {
  const lines = [`${title}`, `  ${'kind'.padEnd(18)} ${'n'.padStart(4)}  intent   frame`];
  for (const kind of [...tally.kinds.keys()].sort()) {
    const t = tally.kinds.get(kind)!;
    lines.push(`  ${kind.padEnd(18)} ${String(t.n).padStart(4)}  ${pct(t.intent, t.n)}  ${pct(t.frame, t.n)}`);
  }
  const scoped = tally.total(inScope);
  const all = tally.total();
  lines.push(
    `  ${'in scope'.padEnd(18)} ${String(scoped.n).padStart(4)}  ${pct(scoped.intent, scoped.n)}  ${pct(scoped.frame, scoped.n)}`,
  );
  lines.push(`  ${'all'.padEnd(18)} ${String(all.n).padStart(4)}  ${pct(all.intent, all.n)}  ${pct(all.frame, all.n)}`);
  return lines.join('\n');
}
