/**
 * `npm run bench`: runs every benchmark in bench/ (`*.ts` and `*.bench.ts`, not this file or bench/load/),
 * one child process each, one after another (the machine has 2 cores), and writes bench/results/run-all.json.
 *   npm run bench                     all of them
 *   npm run bench -- fan-in language  only files whose name contains one of these words
 *   BENCH_SKIP=voice-tuning npm run bench
 * The cold-start bench measures the built hub, so the hub is built first.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
const skip = (process.env.BENCH_SKIP ?? '').split(',').filter(Boolean);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts' && !f.startsWith('.'))
  .filter((f) => only.length === 0 || only.some((w) => f.includes(w)))
  .filter((f) => !skip.some((w) => f.includes(w)))
  .sort((a, b) => Number(a.includes('cold-start')) - Number(b.includes('cold-start')) || a.localeCompare(b));

interface Outcome {
  file: string;
  ok: boolean;
  seconds: number;
  note?: string;
}
const outcomes: Outcome[] = [];

if (files.some((f) => f.includes('cold-start'))) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0)
    outcomes.push({
      file: 'npm run build',
      ok: false,
      seconds: 0,
      note: 'build failed: hub-cold-start measures the previous build',
    });
}

for (const file of files) {
  console.error(`\n=== bench/${file}`);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join('bench', file)], {
    cwd: root,
    stdio: 'inherit',
  });
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  outcomes.push({
    file,
    ok: run.status === 0,
    seconds,
    ...(run.status === 0 ? {} : { note: `exit ${run.status ?? run.signal}` }),
  });
}

const summary = {
  at: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 1e9),
    node: process.version,
    loadAverageAtEnd: loadavg().map((l) => Math.round(l * 10) / 10),
  },
  outcomes,
};
console.table(outcomes);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/run-all.json'), `${JSON.stringify(summary, null, 2)}\n`);
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
