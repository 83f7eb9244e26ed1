/**
 * Thresholds compared on calibrate.ts's records: per rejection weight and per floor on the path score per frame
 * (below it the command would not be acted on), how many commands are still right and how many non-commands act;
 * and for the "Did you say …?" margin, the margins of sensitive decodes that are right vs wrong.
 */
import { voiceConfigSchema } from '../../hub/voice/config.js';
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
      fitGrid(here, sets);
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

/**
 * Rejection on the fit over free phones (pocketsphinx-fit.ts): a decode acts when its fit is at least `minFit` and its
 * words cover at least `minCoverage` of the speech. Commands: share right and acting; non-commands: how many act.
 */
function fitGrid(rows: readonly Decoded[], sets: readonly string[]): void {
  const measured = rows.filter((r) => r.margin !== null && r.coverage != null);
  if (measured.length === 0) return;
  const acts = (r: Decoded, minFit: number, minCoverage: number) =>
    !r.rejected && r.intent !== null && r.margin !== null && r.margin >= minFit && (r.coverage ?? 0) >= minCoverage;
  console.log(`  fit / coverage  | ${sets.map((s) => s.padEnd(22)).join(' | ')}`);
  for (const minFit of [-Infinity, -20, -15, -12, -10, -8, -6, -4])
    for (const minCoverage of [0, 0.5, 0.6, 0.7, 0.8]) {
      const cells = sets.map((set) => {
        const of = rows.filter((r) => r.set === set);
        if (set === 'prose' || set === 'chatter')
          return `acted ${of.filter((r) => acts(r, minFit, minCoverage)).length}/${of.length}`.padEnd(22);
        const right = of.filter((r) => acts(r, minFit, minCoverage) && r.right).length;
        const frame = of.filter((r) => acts(r, minFit, minCoverage) && r.frameRight).length;
        const wrong = of.filter((r) => acts(r, minFit, minCoverage) && !r.right).length;
        return `${(right / of.length).toFixed(3)} ${(frame / of.length).toFixed(3)} wrong ${wrong}`.padEnd(22);
      });
      console.log(`  ${`${minFit} ${minCoverage}`.padStart(15)} | ${cells.join(' | ')}`);
    }
  // The hub's defaults (config.ts): fit, speech left uncovered, the worst word and coverage.
  const p = voiceConfigSchema.parse({}).pocketsphinx;
  const byDefault = (r: Decoded) =>
    !r.rejected &&
    r.intent !== null &&
    r.margin !== null &&
    r.margin >= (p.minFit ?? -Infinity) &&
    (r.coverage ?? 0) >= p.minCoverage &&
    (r.uncovered ?? 0) * 10 <= (p.maxUncoveredMs ?? Infinity) &&
    (r.worstWord ?? 0) >= (p.minWordFit ?? -Infinity);
  const cells = sets.map((set) => {
    const of = rows.filter((r) => r.set === set);
    if (set === 'prose' || set === 'chatter') return `acted ${of.filter(byDefault).length}/${of.length}`.padEnd(22);
    const right = of.filter((r) => byDefault(r) && r.right).length;
    const frame = of.filter((r) => byDefault(r) && r.frameRight).length;
    const wrong = of.filter((r) => byDefault(r) && !r.right).length;
    return `${(right / of.length).toFixed(3)} ${(frame / of.length).toFixed(3)} wrong ${wrong}`.padEnd(22);
  });
  console.log(`  ${'defaults'.padStart(15)} | ${cells.join(' | ')}`);
}
