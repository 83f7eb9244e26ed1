/**
 * Third-party skill sandbox: start time and per-call overhead of the child-process sandbox (permission model)
 * against the worker-thread fallback. The skill answers at once, so a call's time is the sandbox's overhead.
 * Run: node --import tsx bench/skill-sandbox.ts
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../hub/core/clock.js';
import { silentLogger } from '../hub/core/logger.js';
import type { CapabilityGate } from '../hub/skills/capabilities.js';
import { WorkerSkill } from '../hub/skills/worker/worker-skill.js';

const STARTS = 10;
const CALLS = 500;
const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-sandbox-'));
mkdirSync(dir, { recursive: true });
const entry = join(dir, 'index.mjs');
writeFileSync(
  entry,
  "export default { id: 'bench', version: '1.0.0', permissions: [], intents: {}, async handle() { return { reply: 'ok' }; } };\n",
);
const gate = {} as CapabilityGate;
const call = {
  kind: 'handle' as const,
  intent: { name: 'Bench', slots: {} },
  utterance: { text: 'bench', targets: [] },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
const round = (x: number) => Math.round(x * 1000) / 1000;

const LIMITS = { timeoutMs: 10_000, maxDeviceWaitMs: 10_000 };

async function measure(sandbox: 'process' | 'thread') {
  const starts: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const skill = new WorkerSkill(
      { id: 'bench', entry, config: {}, memoryLimitMb: 64, sandbox },
      gate,
      new ManualClock(),
      silentLogger,
    );
    const t0 = performance.now();
    await skill.start();
    await skill.call(call, {} as never, LIMITS);
    starts.push(performance.now() - t0);
    await skill.stop();
  }
  const skill = new WorkerSkill(
    { id: 'bench', entry, config: {}, memoryLimitMb: 64, sandbox },
    gate,
    new ManualClock(),
    silentLogger,
  );
  await skill.start();
  for (let i = 0; i < 50; i++) await skill.call(call, {} as never, LIMITS);
  const calls: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    await skill.call(call, {} as never, LIMITS);
    calls.push(performance.now() - t0);
  }
  await skill.stop();
  return {
    startToFirstReplyMs: { median: round(median(starts)), max: round(Math.max(...starts)) },
    callMs: { median: round(median(calls)), p95: round(p95(calls)) },
  };
}

const thread = await measure('thread');
const process_ = await measure('process');
const result = {
  node: process.version,
  starts: STARTS,
  calls: CALLS,
  thread,
  process: process_,
  at: new Date().toISOString(),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/skill-sandbox.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
rmSync(dir, { recursive: true, force: true });
