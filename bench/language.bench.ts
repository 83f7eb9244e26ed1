/** Text → intent in process with 30 and 500 devices: median and p99 per utterance, and compile time. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { LanguageService } from '../hub/language/service.js';
import { buildHousehold } from '../hub/language/testing/household.js';
import { CASES } from '../test/integration/language-phrasings.cases.js';
import { addBuiltinIntents } from '../test/harness/language.js';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function run(extraDevices: number) {
  const house = buildHousehold(extraDevices);
  const language = new LanguageService(house);
  const started = performance.now();
  await language.start();
  addBuiltinIntents(language);
  const compileMs = performance.now() - started;
  const utterances = CASES.map(([text, , , area]) => ({ text, area }));
  for (let i = 0; i < 10; i++) for (const u of utterances) language.understand(u.text, u.area ? { area: u.area } : {});
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const u of utterances) {
      const t0 = performance.now();
      language.understand(u.text, u.area ? { area: u.area } : {});
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const round3 = (n: number) => Math.round(n * 1000) / 1000;
  return {
    devices: house.devices.list().length,
    templates: language.registry.matcher().size,
    utterances: times.length,
    compileMs: round3(compileMs),
    medianMs: round3(percentile(times, 0.5)),
    p99Ms: round3(percentile(times, 0.99)),
    maxMs: round3(times[times.length - 1]!),
  };
}

const results = { at: new Date().toISOString(), node: process.version, runs: [await run(0), await run(466)] };
console.table(results.runs);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/language.json', JSON.stringify(results, null, 2) + '\n');
