/**
 * Thresholds compared on calibrate.ts's records: per rejection weight and per floor on the path score per frame
 * (below it the command would not be acted on), how many commands are still right and how many non-commands act;
 * and for the "Did you say …?" margin, the margins of sensitive decodes that are right vs wrong.
 */
import type { Decoded } from './calibrate.js';

export function report(rows: readonly Decoded[]): void {
  const weights = [...new Set(rows.map((r) => r.weight))];
  const grammars = [...new Set(rows.map((r) => r.grammar))];
  const acts = (r: Decoded, min: number) => !r.rejected && r.intent !== null && r.scorePerFrame >= min;
  for (const grammar of grammars) {
    for (const weight of weights) {
      const here = rows.filter((r) => r.grammar === grammar && r.weight === weight);
      if (here.length === 0) continue;
      console.log(`\n${grammar} grammar, rejectionWeight ${weight}`);
      const sets = [...new Set(here.map((r) => r.set))];
      // Candidate floors for the path score per frame: the deciles of what non-commands that act scored.
      const floors = [
        -Infinity,
        ...here
          .filter((r) => (r.set === 'prose' || r.set === 'chatter') && acts(r, -Infinity))
          .map((r) => r.scorePerFrame)
          .sort((a, b) => a - b)
          .filter((_, i, xs) => i % Math.max(1, Math.floor(xs.length / 8)) === 0),
      ];
      console.log(`  min score/frame | ${sets.map((s) => s.padEnd(22)).join(' | ')}`);
      for (const min of floors) {
        const cells = sets.map((set) => {
          const of = here.filter((r) => r.set === set);
          if (set === 'prose' || set === 'chatter')
            return `acted ${of.filter((r) => acts(r, min)).length}/${of.length}`.padEnd(22);
          const right = of.filter((r) => acts(r, min) && r.right).length;
          const frame = of.filter((r) => acts(r, min) && r.frameRight).length;
          const wrongActed = of.filter((r) => acts(r, min) && !r.right).length;
          return `${(right / of.length).toFixed(3)} ${(frame / of.length).toFixed(3)} wrong ${wrongActed}`.padEnd(22);
        });
        console.log(`  ${String(min).padStart(15)} | ${cells.join(' | ')}`);
      }
      const sensitive = here.filter((r) => r.sensitive && !r.rejected && r.margin !== null);
      const ok = sensitive.filter((r) => r.right && r.frameRight);
      const bad = sensitive.filter((r) => !(r.right && r.frameRight));
      const list = (xs: Decoded[]) =>
        xs
          .map((x) => x.margin!)
          .sort((a, b) => a - b)
          .map((v) => v.toFixed(1))
          .join(' ');
      console.log(`  sensitive decodes right (${ok.length}): ${list(ok)}`);
      console.log(`  sensitive decodes wrong (${bad.length}): ${list(bad)}`);
      const spf = (set: string) =>
        here
          .filter((r) => r.set === set && !r.rejected && r.intent !== null)
          .map((r) => r.scorePerFrame)
          .sort((a, b) => a - b);
      for (const set of sets) {
        const v = spf(set);
        if (v.length)
          console.log(
            `  scorePerFrame of acting ${set}: p10 ${v[Math.floor(v.length * 0.1)]} p50 ${v[Math.floor(v.length / 2)]} p90 ${v[Math.floor(v.length * 0.9)]}`,
          );
      }
    }
  }
}
