/**
 * Spoken accuracy per espeak-ng voice, variant, speed and noise on the 115-device household, with sentences the team
 * did not write: the held-out DEV phrasings only (test/phrasings/dev; the sealed split is never read here).
 * One fixed sample of in-scope dev cases is said under every level of one factor while the others stay at a base
 * (voice rotating over the seven English voices, no variant, 160 wpm, clean), so each table compares like with like:
 *   voices:   every English voice, 160 wpm, clean, each case
 *   speeds:   130 / 160 / 200 wpm, voices rotating, clean, each case
 *   noise:    clean, pink and babble at 10 and 20 dB SNR, voices rotating, 160 wpm, each case
 *   variants: every espeak-ng variant, voices rotating, 160 wpm, clean, `--per-variant` cases each (rotating)
 * Clips are rendered by test/phrasings/voice/render.ts and cached under test-artifacts/ (gitignored), then sent as
 * WAV to a real hub's POST /api/v1/voice?dryRun=true with the case's area, and judged like the typed ones.
 *   npx tsx bench/voice-conditions.ts [--cases 24] [--per-variant 3] [--seed 19] [--only voices,speeds,noise,variants]
 *     [--render-only] (make the cached WAVs and stop: no decoding, for when another decoder is busy)
 * Writes bench/results/voice-conditions.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { seededRandom } from '../test/harness/seeded-random.js';
import { loadSplit, type PhrasingCase } from '../test/phrasings/lib/cases.js';
import { Household } from '../test/phrasings/lib/household.js';
import { startHubUnderTest } from '../test/phrasings/lib/hub-under-test.js';
import { inScope } from '../test/phrasings/lib/report.js';
import { judge } from '../test/phrasings/lib/score.js';
import {
  englishVoices,
  espeakVariants,
  renderClips,
  sampleCases,
  type SpokenCondition,
} from '../test/phrasings/voice/render.js';
import { cliArg } from './cli-arg.js';
import { loadNow, machine } from './machine.js';

const CASES = Number(cliArg('--cases', '24'));
const PER_VARIANT = Number(cliArg('--per-variant', '3'));
const SEED = Number(cliArg('--seed', '19'));
const ONLY = new Set(cliArg('--only', 'voices,speeds,noise,variants').split(','));
const BASE_SPEED = 160;
const WARM_UP = 5;
const loadBefore = loadNow();

const home = Household.load();
const voices = await englishVoices();
const variants = await espeakVariants();
// Every kind in proportion (at least one each) in a seeded order, then the first CASES of them.
const cases = sampleCases(
  loadSplit('dev').filter((c) => inScope(c.kind)),
  CASES,
  seededRandom(SEED),
).slice(0, CASES);
const rotating = (i: number) => voices[i % voices.length]!;

interface Cell {
  table: string;
  level: string;
  case: PhrasingCase;
  condition: SpokenCondition;
}
const cells: Cell[] = [];
const add = (table: string, level: string, c: PhrasingCase, condition: SpokenCondition) =>
  cells.push({ table, level, case: c, condition });
if (ONLY.has('voices'))
  for (const voice of voices) for (const c of cases) add('voice', voice, c, { voice, speed: BASE_SPEED });
if (ONLY.has('speeds'))
  for (const speed of [130, 160, 200])
    for (const [i, c] of cases.entries()) add('speed', `${speed} wpm`, c, { voice: rotating(i), speed });
if (ONLY.has('noise'))
  for (const noise of [
    undefined,
    ...(['pink', 'babble'] as const).flatMap((kind) => [20, 10].map((snrDb) => ({ kind, snrDb }))),
  ])
    for (const [i, c] of cases.entries())
      add('noise', noise ? `${noise.kind} ${noise.snrDb} dB` : 'clean', c, {
        voice: rotating(i),
        speed: BASE_SPEED,
        ...(noise ? { noise } : {}),
      });
if (ONLY.has('variants'))
  for (const [v, variant] of variants.entries())
    for (let k = 0; k < PER_VARIANT; k++) {
      const i = v * PER_VARIANT + k;
      add('variant', variant, cases[i % cases.length]!, { voice: rotating(i), variant, speed: BASE_SPEED });
    }

console.log(`${cells.length} clips: ${cases.length} dev cases, ${voices.length} voices, ${variants.length} variants`);
const clips = await renderClips(
  cells.map((c) => c.case),
  cells.map((c) => c.condition),
  { concurrency: 2, onProgress: (done, total) => done % 100 === 0 && console.log(`  rendered ${done}/${total}`) },
);

if (process.argv.includes('--render-only')) process.exit(0);
const hub = await startHubUnderTest({ voice: true });
interface Score {
  n: number;
  intent: number;
  frame: number;
  heardNothing: number;
}
const scores = new Map<string, Map<string, Score>>();
const misses: string[] = [];
interface Answer {
  transcript?: string;
  intent?: { name: string; slots: Record<string, string | number | boolean> } | null;
}
async function hear(wavPath: string, area: string | undefined): Promise<Answer> {
  const query = new URLSearchParams({ dryRun: 'true', ...(area ? { area } : {}) });
  for (const deadline = Date.now() + 120_000; ; ) {
    const res = await fetch(`${hub.url}/api/v1/voice?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'audio/wav' },
      body: await readFile(wavPath),
    });
    if (res.status !== 503 || Date.now() > deadline) return (await res.json()) as Answer;
    await new Promise((r) => setTimeout(r, 500)); // the recogniser loads after the API listens
  }
}
const t0 = performance.now();
try {
  // The decoder's first utterances after start are heard worse than later ones (BENCHMARKS.md): not counted.
  for (let i = 0; i < Math.min(WARM_UP, clips.length); i++) await hear(clips[i]!.wavPath, cells[i]!.case.area);
  for (const [i, clip] of clips.entries()) {
    const cell = cells[i]!;
    const answer = await hear(clip.wavPath, cell.case.area);
    const verdict = judge(cell.case, { intent: answer.intent ?? null, targets: [], actions: [] }, home);
    const table = scores.get(cell.table) ?? new Map<string, Score>();
    scores.set(cell.table, table);
    const s = table.get(cell.level) ?? { n: 0, intent: 0, frame: 0, heardNothing: 0 };
    table.set(cell.level, s);
    s.n++;
    s.intent += verdict.intentOk ? 1 : 0;
    s.frame += verdict.frameOk ? 1 : 0;
    s.heardNothing += answer.transcript ? 0 : 1;
    if (!verdict.frameOk && cell.table === 'voice')
      misses.push(
        `${cell.level}: "${cell.case.text}" heard "${answer.transcript ?? ''}" → ${answer.intent?.name ?? '-'}`,
      );
    if ((i + 1) % 50 === 0) console.log(`  heard ${i + 1}/${clips.length}`);
  }
} finally {
  await hub.stop();
}

const rate = (k: number, n: number) => Math.round((k / n) * 1000) / 1000;
const tables = Object.fromEntries(
  [...scores].map(([table, levels]) => [
    table,
    Object.fromEntries(
      [...levels].map(([level, s]) => [
        level,
        { n: s.n, intent: rate(s.intent, s.n), frame: rate(s.frame, s.n), heardNothing: s.heardNothing },
      ]),
    ),
  ]),
);
for (const [table, levels] of Object.entries(tables)) {
  console.log(`\n${table}: level  n  right intent  full frame  heard nothing`);
  for (const [level, s] of Object.entries(levels))
    console.log(
      `  ${level.padEnd(18)} ${String(s.n).padStart(3)}  ${s.intent.toFixed(3)}  ${s.frame.toFixed(3)}  ${s.heardNothing}`,
    );
}
const results = {
  data: `test/phrasings/dev (in-scope kinds), ${cases.length} cases sampled with seed ${SEED}; household test/phrasings/household.yaml`,
  path: 'POST /api/v1/voice?dryRun=true&area=<case area> on a hub child process (default voice config, shared api source)',
  base: { voice: `rotating over ${voices.join(', ')}`, speed: BASE_SPEED, noise: 'clean' },
  tables,
  misses,
  wallSeconds: Math.round((performance.now() - t0) / 1000),
  machine: machine(loadBefore),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/voice-conditions.json', `${JSON.stringify(results, null, 2)}\n`);
