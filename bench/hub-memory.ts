/**
 * Memory of the built hub as a child process (`node bin/hearth.js start`), with the text recogniser and with
 * pocketsphinx, before and after the simulated household registers and connects. A tiny preload answers IPC
 * messages with `process.memoryUsage()` after a full GC (and writes a heap snapshot when HUB_MEMORY_SNAPSHOT_DIR
 * is set), so the numbers come from inside the hub; RSS also comes from /proc for the whole process: just
 * before that GC (`rssNoGcMb`, what the hub holds on its own) and after it, with the peak so far (VmHWM).
 * HUB_MEMORY_BASELINE=<dir of another built checkout> measures that one too (same machine, same moment).
 * Run: npm run build && node --import tsx bench/hub-memory.ts  → prints a table, writes bench/results/hub-memory.json
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runHousehold } from '../firmware-sim/household-runner.js';
import { tunedHousehold } from '../test/harness/tuned-household.js';
import { builtHubStart } from '../test/harness/node-flags.js';
import { DICTIONARY_IDLE_MS } from '../hub/language/grammar/dictionary.js';

const root = resolve(import.meta.dirname, '..');
const baseline = process.env.HUB_MEMORY_BASELINE;
for (const dir of [root, ...(baseline ? [baseline] : [])])
  if (!existsSync(join(dir, 'dist/hub/cli/main.js'))) throw new Error(`Build first: npm run build (in ${dir})`);
const RECOGNIZERS = (process.env.HUB_MEMORY_RECOGNIZERS ?? 'text,pocketsphinx').split(',');
const SNAPSHOT_DIR = process.env.HUB_MEMORY_SNAPSHOT_DIR;
const SETTLE_MS = 1500;

const PRELOAD = `
import v8 from 'node:v8';
process.channel?.unref();
process.on('message', (m) => {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  if (m.snapshot) v8.writeHeapSnapshot(m.snapshot);
  process.send({ id: m.id, memory: process.memoryUsage(), heap: v8.getHeapStatistics() });
});`;

interface Sample {
  rssMb: number;
  rssNoGcMb: number;
  peakRssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  mallocedMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

function fromProcStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.match(/\d+/)?.[0] ?? NaN) * 1024;
}

let nextId = 0;
function sample(child: ChildProcess, snapshot?: string): Promise<Sample> {
  const id = ++nextId;
  const rssNoGc = fromProcStatus(child.pid!, 'VmRSS');
  return new Promise((done) => {
    const onMessage = (m: { id: number; memory: NodeJS.MemoryUsage; heap: { malloced_memory: number } }) => {
      if (m.id !== id) return;
      child.off('message', onMessage);
      done({
        rssMb: mb(fromProcStatus(child.pid!, 'VmRSS')),
        rssNoGcMb: mb(rssNoGc),
        peakRssMb: mb(fromProcStatus(child.pid!, 'VmHWM')),
        heapUsedMb: mb(m.memory.heapUsed),
        heapTotalMb: mb(m.memory.heapTotal),
        externalMb: mb(m.memory.external),
        arrayBuffersMb: mb(m.memory.arrayBuffers),
        mallocedMb: mb(m.heap.malloced_memory),
      });
    };
    child.on('message', onMessage);
    child.send({ id, ...(snapshot ? { snapshot } : {}) });
  });
}

async function waitHealthy(dataDir: string, t0: number): Promise<{ url: string; ms: number }> {
  for (;;) {
    if (performance.now() - t0 > 30_000) throw new Error('hub did not become healthy within 30 s');
    const runtimeFile = join(dataDir, 'hub.json');
    // The hub may be halfway through writing its runtime file: try again then.
    const http = existsSync(runtimeFile)
      ? (() => {
          try {
            return (JSON.parse(readFileSync(runtimeFile, 'utf8')) as { http: { url: string } }).http;
          } catch {
            return undefined;
          }
        })()
      : undefined;
    if (http) {
      const res = await fetch(`${http.url}/api/v1/health`).catch(() => undefined);
      if (res?.status === 200) return { url: http.url, ms: performance.now() - t0 };
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function measure(recognizer: string, checkout: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-mem-'));
  const configFile = join(dataDir, 'config.yaml');
  writeFileSync(configFile, `logLevel: warn\nvoice:\n  recognizer: ${recognizer}\n`);
  const t0 = performance.now();
  const hub = builtHubStart(checkout, configFile, dataDir, [
    '--expose-gc',
    '--import',
    `data:text/javascript,${encodeURIComponent(PRELOAD)}`,
  ]);
  const child = spawn(process.execPath, hub.args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: hub.env });
  try {
    const { url } = await waitHealthy(dataDir, t0);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const idle = await sample(child, SNAPSHOT_DIR && join(SNAPSHOT_DIR, `hub-${recognizer}-idle.heapsnapshot`));
    const token = readFileSync(join(dataDir, 'api-token'), 'utf8').trim();
    const home = await runHousehold({ hubUrl: url, token, print: () => undefined, definition: tunedHousehold });
    // Grammar rebuilds are debounced after device changes; let them and the retained states land.
    await new Promise((r) => setTimeout(r, SETTLE_MS * 2));
    const status = (await (
      await fetch(`${url}/api/v1/status`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { components: Record<string, { status: string; detail?: string }> };
    const household = await sample(
      child,
      SNAPSHOT_DIR && join(SNAPSHOT_DIR, `hub-${recognizer}-household.heapsnapshot`),
    );
    // At rest: the household still connected, nothing changing (the pronouncing dictionary is let go after DICTIONARY_IDLE_MS).
    await new Promise((r) => setTimeout(r, DICTIONARY_IDLE_MS + SETTLE_MS));
    const atRest = await sample(child);
    await home.stop();
    return {
      checkout: checkout === root ? 'current' : checkout,
      recognizer,
      recognizerStatus: status.components.recognizer,
      devices: home.devices.size,
      idle,
      household,
      atRest,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  targetRssMb: 150,
  runs: [] as Awaited<ReturnType<typeof measure>>[],
};
if (SNAPSHOT_DIR) mkdirSync(SNAPSHOT_DIR, { recursive: true });
for (const recognizer of RECOGNIZERS)
  for (const checkout of [root, ...(baseline ? [baseline] : [])])
    results.runs.push(await measure(recognizer, checkout));
console.table(
  results.runs.flatMap((r) => [
    { hub: r.checkout === 'current' ? 'current' : 'baseline', recognizer: r.recognizer, when: 'idle', ...r.idle },
    {
      hub: r.checkout === 'current' ? 'current' : 'baseline',
      recognizer: r.recognizer,
      when: `household (${r.devices} devices)`,
      ...r.household,
    },
    {
      hub: r.checkout === 'current' ? 'current' : 'baseline',
      recognizer: r.recognizer,
      when: 'household, at rest',
      ...r.atRest,
    },
  ]),
);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/hub-memory.json'), `${JSON.stringify(results, null, 2)}\n`);
