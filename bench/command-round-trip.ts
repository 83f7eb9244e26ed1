/**
 * Command round trip through the whole hub: HTTP POST /api/v1/devices/:id/commands → registry → embedded
 * broker → a firmware-sim light (no firmware delay) → ack → HTTP reply. Sequential (latency) and with
 * 10 lights commanded concurrently (latency under concurrency).
 * Run: node --import tsx bench/command-round-trip.ts   (writes bench/results/command-round-trip.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { deviceKinds, type RunnableDevice } from '../firmware-sim/index.js';
import { startTestHub } from '../test/harness/hub.js';
import { LatencyRecorder } from './load/stats.js';

const SEQUENTIAL = Number(process.env.ROUND_TRIPS ?? 300);
const LIGHTS = 10;
const PER_LIGHT = 30;

const hub = await startTestHub({ config: { voice: { recognizer: 'text' } } });
const light = deviceKinds.get('light');
if (!light) throw new Error('firmware-sim has no "light" kind');
const sims: RunnableDevice[] = [];
for (let i = 0; i < LIGHTS; i++) {
  const id = `bench-light-${i}`;
  const added = await hub.api('POST', '/devices', { id, name: `Bench light ${i}`, type: 'light' });
  if (added.status !== 201 && added.status !== 200)
    throw new Error(`could not add ${id}: ${JSON.stringify(added.body)}`);
  const credential = await hub.api<{ password: string }>('POST', `/devices/${id}/credentials`, {});
  const sim = light.create({
    id,
    connection: { url: hub.runtime.mqtt.url, username: id, password: credential.body.password },
    delay: { minMs: 0, maxMs: 0 },
  });
  await sim.start();
  sims.push(sim);
}
await new Promise((r) => setTimeout(r, 300));

async function roundTrip(id: string, n: number, recorder: LatencyRecorder): Promise<void> {
  const t0 = performance.now();
  const reply = await hub.api('POST', `/devices/${id}/commands`, { command: n % 2 ? 'turn_on' : 'turn_off' });
  recorder.add(performance.now() - t0);
  if (reply.status !== 200) throw new Error(`command failed: ${reply.status} ${JSON.stringify(reply.body)}`);
}

for (let i = 0; i < 30; i++) await roundTrip('bench-light-0', i, new LatencyRecorder()); // warm-up
const sequential = new LatencyRecorder();
for (let i = 0; i < SEQUENTIAL; i++) await roundTrip('bench-light-0', i, sequential);
const concurrent = new LatencyRecorder();
const t0 = performance.now();
await Promise.all(
  sims.map(async (_, l) => {
    for (let i = 0; i < PER_LIGHT; i++) await roundTrip(`bench-light-${l}`, i, concurrent);
  }),
);
const concurrentMs = performance.now() - t0;

for (const sim of sims) await sim.stop();
await hub.stop();

const results = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  path: 'HTTP POST /devices/:id/commands → embedded broker → firmware-sim light (0 ms firmware delay) → ack → HTTP 200',
  sequential: sequential.summary(),
  concurrent: {
    lights: LIGHTS,
    commands: LIGHTS * PER_LIGHT,
    perSec: Math.round((LIGHTS * PER_LIGHT) / (concurrentMs / 1000)),
    ...concurrent.summary(),
  },
};
console.log(
  `command round trip: sequential p50 ${results.sequential.p50Ms} ms, p99 ${results.sequential.p99Ms} ms; ${LIGHTS} lights concurrently p50 ${results.concurrent.p50Ms} ms, p99 ${results.concurrent.p99Ms} ms, ${results.concurrent.perSec} commands/s`,
);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/command-round-trip.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
