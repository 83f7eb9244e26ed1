/**
 * Text → intent in process with 35 and 501 devices: median and p99 per utterance, and compile time; the full
 * understanding (templates, then the parts of the request in any order, then small repairs) against the template-only
 * matcher (`secondStage: false`) in the same run.
 * Two sets of requests: the team's own phrasings (language-phrasings.cases.yaml: almost all exact sentences) and real
 * people's requests of the SLURP dev set (../shared/eval/slurp-devel, only its text: most of them reach the second
 * stage or fail, the expensive path). The order of runs alternates so a load change on the shared machine hits both.
 * `bestOfRoundsP99Ms`: the p99 of each utterance's fastest round; `cpuP99Ms`: the p99 of the CPU time the process
 * spent per call (GC threads included). Both are the code's own tail, without the pauses a loaded machine adds.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LanguageService } from '../hub/language/service.js';
import { buildHousehold } from '../hub/language/testing/household.js';
import { frameCases } from '../test/harness/frame-cases.js';
import { addBuiltinIntents } from '../test/harness/language.js';

interface Utterance {
  text: string;
  area?: string;
}

const REPO = resolve(import.meta.dirname, '..');
const slurpFile = [
  join(REPO, '../shared/eval/slurp-devel/requests.jsonl'),
  join(REPO, '../../shared/eval/slurp-devel/requests.jsonl'),
].find((f) => existsSync(f));
const SETS: Record<string, Utterance[]> = {
  own: frameCases(new URL('../test/integration/language-phrasings.cases.yaml', import.meta.url)).map(
    ([text, , , area]) => (area ? { text, area } : { text }),
  ),
  ...(slurpFile
    ? {
        slurp: readFileSync(slurpFile, 'utf8')
          .trim()
          .split('\n')
          .map((line) => ({ text: (JSON.parse(line) as { text: string }).text, area: 'living_room' })),
      }
    : {}),
};
const ROUNDS = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function run(extraDevices: number, secondStage: boolean, set: string) {
  const house = buildHousehold(extraDevices);
  const language = new LanguageService(house, { secondStage });
  const started = performance.now();
  await language.start();
  addBuiltinIntents(language);
  const compileMs = performance.now() - started;
  const utterances = SETS[set]!;
  const say = (u: Utterance) => language.understand(u.text, u.area ? { area: u.area } : {});
  for (let i = 0; i < 3; i++) utterances.forEach(say);
  const times: number[] = [];
  // CPU time of the process per call: unlike wall time, not stretched while the shared machine runs something else.
  const cpuTimes: number[] = [];
  // Each utterance's fastest round: what the code costs, without the pauses a loaded machine adds to some calls.
  const best = new Array<number>(utterances.length).fill(Number.POSITIVE_INFINITY);
  let understood = 0;
  const cpu = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++) {
    utterances.forEach((u, i) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = say(u);
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      cpuTimes.push((c.user + c.system) / 1000);
      times.push(ms);
      best[i] = Math.min(best[i]!, ms);
      if (round === 0 && result.intent) understood++;
    });
  }
  const bestSorted = [...best].sort((a, b) => a - b);
  const slowest = best
    .map((ms, i) => ({ ms, text: utterances[i]!.text }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  times.sort((a, b) => a - b);
  const round3 = (n: number) => Math.round(n * 1000) / 1000;
  return {
    matcher: secondStage ? 'full' : 'templates only',
    set,
    devices: house.devices.list().length,
    templates: language.registry.matcher().size,
    utterances: times.length,
    understood: `${understood}/${utterances.length}`,
    compileMs: round3(compileMs),
    medianMs: round3(percentile(times, 0.5)),
    p99Ms: round3(percentile(times, 0.99)),
    maxMs: round3(times[times.length - 1]!),
    bestOfRoundsP99Ms: round3(percentile(bestSorted, 0.99)),
    cpuP99Ms: round3(
      percentile(
        [...cpuTimes].sort((a, b) => a - b),
        0.99,
      ),
    ),
    slowest: slowest.map((x) => `${round3(x.ms)} ms "${x.text}"`).join(' | '),
    cpuMsPerUtterance: round3(cpuMs / times.length),
  };
}

const runs = [];
for (const set of Object.keys(SETS)) {
  for (const devices of [0, 466]) {
    for (const secondStage of [true, false, true, false]) runs.push(await run(devices, secondStage, set));
  }
}
const results = { at: new Date().toISOString(), node: process.version, rounds: ROUNDS, runs };
console.table(runs.map(({ slowest, ...row }) => row));
for (const r of runs)
  console.log(`${r.matcher}, ${r.set}, ${r.devices} devices, slowest (best of rounds): ${r.slowest}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/language.json', JSON.stringify(results, null, 2) + '\n');
