/**
 * Cold start of the built hub: process spawn → GET /api/v1/health answers 200, on a fresh data dir.
 * Run: npm run build && node --import tsx bench/hub-cold-start.ts  → prints numbers, writes bench/results/hub-cold-start.json
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist/hub/cli/main.js'))) throw new Error('Build first: npm run build');
const RUNS = 7;
const runs: number[] = [];

for (let i = 0; i < RUNS; i++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-cold-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin/hearth.js'), 'start', '--data-dir', dataDir, '--http-port', '0', '--mqtt-port', '0', '--host', '127.0.0.1'], { stdio: 'ignore' });
  const deadline = t0 + 30_000;
  for (;;) {
    if (performance.now() > deadline) throw new Error('hub did not become healthy within 30 s');
    const runtimeFile = join(dataDir, 'hub.json');
    if (existsSync(runtimeFile)) {
      const { http } = JSON.parse(readFileSync(runtimeFile, 'utf8')) as { http: { url: string } };
      const res = await fetch(`${http.url}/api/v1/health`).catch(() => undefined);
      if (res?.status === 200) break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  runs.push(performance.now() - t0);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}

const sorted = [...runs].sort((a, b) => a - b);
const result = {
  runs: RUNS,
  medianMs: Math.round(sorted[Math.floor(RUNS / 2)]!),
  minMs: Math.round(sorted[0]!),
  maxMs: Math.round(sorted[RUNS - 1]!),
  at: new Date().toISOString(),
};
console.log(`hub cold start (spawn → /health 200): median ${result.medianMs} ms, min ${result.minMs} ms, max ${result.maxMs} ms over ${RUNS} runs`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/hub-cold-start.json'), `${JSON.stringify(result, null, 2)}\n`);
