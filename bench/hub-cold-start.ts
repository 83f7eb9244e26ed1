/**
 * Cold start of the built hub on a fresh data dir: process spawn → GET /api/v1/health answers 200 ("ready"),
 * and spawn → the CLI prints "ready" (start() resolved: voice's recogniser and grammar loaded too).
 * Default config (recogniser `auto`, pocketsphinx when installed) and the text recogniser.
 * HEARTH_COLD_START_BASELINE=<dir of another built checkout> runs it alternately with this one, so a
 * before/after comparison sees the same machine load.
 * Run: npm run build && node --import tsx bench/hub-cold-start.ts  → prints numbers, writes bench/results/hub-cold-start.json
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { builtHubStart } from '../test/harness/node-flags.js';

const root = resolve(import.meta.dirname, '..');
const baseline = process.env.HEARTH_COLD_START_BASELINE;
const RUNS = Number(process.env.HEARTH_COLD_START_RUNS ?? 7);
const RECOGNIZERS = ['auto', 'text'] as const;
for (const dir of [root, ...(baseline ? [baseline] : [])])
  if (!existsSync(join(dir, 'dist/hub/cli/main.js'))) throw new Error(`Build first: npm run build (in ${dir})`);

interface Run {
  healthMs: number;
  startedMs: number;
}

/** The hub's runtime file, or undefined while the hub is still writing it (polled every 5 ms, so that happens). */
function runtimeHttp(file: string): { url: string } | undefined {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { http: { url: string } }).http;
  } catch {
    return undefined;
  }
}

async function once(checkout: string, recognizer: string): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-cold-'));
  const configFile = join(dataDir, 'config.yaml');
  writeFileSync(configFile, `voice:\n  recognizer: ${recognizer}\n`);
  const t0 = performance.now();
  const hub = builtHubStart(checkout, configFile, dataDir);
  const child = spawn(process.execPath, hub.args, { stdio: ['ignore', 'pipe', 'ignore'], env: hub.env });
  let startedMs = NaN;
  // "Hearth <version> ready: dashboard … · API … · MQTT …", printed once start() has resolved.
  const started = new Promise<void>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (Number.isNaN(startedMs) && /\bready: /.test(out)) {
        startedMs = performance.now() - t0;
        done();
      }
    });
    child.once('exit', () => fail(new Error(`the hub exited before it printed "ready":\n${out}`)));
  });
  let healthMs = NaN;
  const deadline = t0 + 30_000;
  while (Number.isNaN(healthMs)) {
    if (performance.now() > deadline) throw new Error('hub did not become healthy within 30 s');
    const runtimeFile = join(dataDir, 'hub.json');
    const http = existsSync(runtimeFile) ? runtimeHttp(runtimeFile) : undefined;
    if (http) {
      const res = await fetch(`${http.url}/api/v1/health`).catch(() => undefined);
      if (res?.status === 200) healthMs = performance.now() - t0;
    }
    if (Number.isNaN(healthMs)) await new Promise((r) => setTimeout(r, 5));
  }
  await started;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
  return { healthMs, startedMs };
}

const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
function summary(runs: Run[]) {
  return {
    healthMedianMs: median(runs.map((r) => r.healthMs)),
    healthMinMs: Math.round(Math.min(...runs.map((r) => r.healthMs))),
    healthMaxMs: Math.round(Math.max(...runs.map((r) => r.healthMs))),
    startedMedianMs: median(runs.map((r) => r.startedMs)),
  };
}

const collected: Record<string, Record<string, Run[]>> = { current: {}, ...(baseline ? { baseline: {} } : {}) };
const loadBefore = loadavg()[0]!;
for (let i = 0; i < RUNS; i++) {
  for (const recognizer of RECOGNIZERS) {
    for (const [label, checkout] of [['current', root], ...(baseline ? [['baseline', baseline]] : [])] as [
      string,
      string,
    ][]) {
      (collected[label]![recognizer] ??= []).push(await once(checkout, recognizer));
    }
  }
}

const result = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version, loadAverage1m: { before: loadBefore, after: loadavg()[0]! } },
  runs: RUNS,
  definition:
    'healthMs: spawn → /api/v1/health 200 (API ready, typed commands work); startedMs: spawn → "ready" printed (voice loaded too)',
  ...Object.fromEntries(
    Object.entries(collected).map(([label, byRecognizer]) => [
      label,
      Object.fromEntries(Object.entries(byRecognizer).map(([r, runs]) => [r, summary(runs)])),
    ]),
  ),
  ...(baseline ? { baselineCheckout: baseline } : {}),
};
for (const [label, byRecognizer] of Object.entries(collected)) {
  for (const [recognizer, runs] of Object.entries(byRecognizer)) {
    const s = summary(runs);
    console.log(
      `${label.padEnd(8)} recognizer ${recognizer.padEnd(5)}: /health 200 median ${s.healthMedianMs} ms (min ${s.healthMinMs}, max ${s.healthMaxMs}); fully started median ${s.startedMedianMs} ms over ${RUNS} runs`,
    );
  }
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/hub-cold-start.json'), `${JSON.stringify(result, null, 2)}\n`);
