/**
 * MQTT fan-in: N devices × rate of retained QoS 1 state messages, through the hub (auth, ACL, registry,
 * WebSocket fan-out), raw aedes and Mosquitto, with the same generator (a child process) in the same run.
 * Then each broker saturated (a window of in-flight publishes per device) for its maximum throughput.
 *
 * Run: node --expose-gc --import tsx bench/fan-in.ts   (writes bench/results/fan-in.json)
 * Env: LOAD_DEVICES=1000 LOAD_RATE=10000 LOAD_SECONDS=60 SATURATE_SECONDS=10 LOAD_TARGETS=hub,aedes,mosquitto
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { GeneratorProcess } from './load/child-driver.js';
import { measurePhase, type PhaseReport } from './load/measure.js';
import { startAedesTarget, startHubTarget, startMosquittoTarget, type Target } from './load/targets.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DEVICES = env('LOAD_DEVICES', 1000);
const RATE = env('LOAD_RATE', 10_000);
const SECONDS = env('LOAD_SECONDS', 60);
const SATURATE_SECONDS = env('SATURATE_SECONDS', 10);
const TARGETS = (process.env.LOAD_TARGETS ?? 'hub,aedes,mosquitto').split(',') as Target['name'][];
const log = (...args: unknown[]) => console.error(`[fan-in ${new Date().toISOString().slice(11, 19)}]`, ...args);

interface TargetReport {
  target: Target['name'];
  connectMs: number;
  connected: number;
  eventLoopDelayMs?: { p99: number; max: number };
  rate: PhaseReport;
  saturated: PhaseReport;
}

async function runTarget(name: Target['name']): Promise<TargetReport> {
  const target = name === 'hub' ? await startHubTarget(DEVICES, log) : name === 'aedes' ? await startAedesTarget(DEVICES) : await startMosquittoTarget(DEVICES);
  const generator = new GeneratorProcess();
  const probe = target.eventsUrl ? new GeneratorProcess() : undefined;
  try {
    const { ms: connectMs, connected } = await generator.connect(target.url, target.devices);
    if (probe) await probe.connect(target.url, [], target.eventsUrl);
    log(`${name}: ${connected}/${DEVICES} devices connected in ${connectMs} ms`);
    // Steady state is what is measured: let work that follows adding 1,000 devices (slot lists, grammar) finish.
    await new Promise((r) => setTimeout(r, 5000));
    const warm = await measurePhase(generator, target.sink, { mode: 'rate', ratePerSec: RATE, durationMs: 3000 }, undefined, probe);
    log(`${name}: warm-up done (${warm.report.delivered}/${warm.report.sent}); measuring ${RATE} msg/s for ${SECONDS} s`);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const rate = await measurePhase(generator, target.sink, { mode: 'rate', ratePerSec: RATE, durationMs: SECONDS * 1000 }, warm.result, probe);
    loopDelay.disable();
    // In-process brokers (hub, aedes): how long the event loop was blocked while the rate was applied.
    const eventLoopDelayMs = name === 'mosquitto' ? undefined : { p99: Math.round(loopDelay.percentile(99) / 1e5) / 10, max: Math.round(loopDelay.max / 1e5) / 10 };
    log(`${name}:`, JSON.stringify(rate.report));
    const saturated = await measurePhase(generator, target.sink, { mode: 'saturate', window: 4, durationMs: SATURATE_SECONDS * 1000 }, rate.result, probe);
    log(`${name} saturated:`, JSON.stringify(saturated.report));
    return { target: name, connectMs, connected, ...(eventLoopDelayMs ? { eventLoopDelayMs } : {}), rate: rate.report, saturated: saturated.report };
  } finally {
    await generator.close();
    await probe?.close();
    await target.stop();
  }
}

const loadAverageAtStart = loadavg().map((l) => Math.round(l * 10) / 10);
const reports: TargetReport[] = [];
for (const name of TARGETS) reports.push(await runTarget(name));

const byName = Object.fromEntries(reports.map((r) => [r.target, r]));
const hubVsAedes = byName.hub && byName.aedes ? Math.round((byName.hub.saturated.deliveredPerSec / byName.aedes.saturated.deliveredPerSec) * 100) / 100 : undefined;
const hub = byName.hub;
const results = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverageAtStart, loadAverageAtEnd: loadavg().map((l) => Math.round(l * 10) / 10) },
  mosquittoQueues: process.env.MOSQUITTO_DEFAULT_QUEUES === '1' ? 'Debian defaults' : 'max_queued_messages 0, max_inflight_messages 0 (unlimited)',
  load: { devices: DEVICES, ratePerSec: RATE, seconds: SECONDS, saturateSeconds: SATURATE_SECONDS, qos: 1, retain: true },
  targets: reports,
  targetsMet: hub
    ? {
        zeroLost: hub.rate.lost === 0,
        hubP99Within50Ms: hub.rate.latency.p99Ms <= 50,
        sustainedRate: hub.rate.deliveredPerSec >= RATE * 0.98,
        ...(hubVsAedes !== undefined ? { hubThroughputVsAedes: hubVsAedes, atLeast80PercentOfAedes: hubVsAedes >= 0.8 } : {}),
      }
    : undefined,
};
console.table(reports.map((r) => ({
  target: r.target,
  sent: r.rate.sent,
  lost: r.rate.lost,
  dup: r.rate.duplicates,
  'rate msg/s': r.rate.deliveredPerSec,
  'p50 ms': r.rate.latency.p50Ms,
  'p99 ms': r.rate.latency.p99Ms,
  'ws events': r.rate.events ? `${r.rate.events.unique}/${r.rate.sent}` : '-',
  'ws p99 ms': r.rate.events?.latency.p99Ms ?? '-',
  'max msg/s': r.saturated.deliveredPerSec,
  'loop delay p99/max ms': r.eventLoopDelayMs ? `${r.eventLoopDelayMs.p99}/${r.eventLoopDelayMs.max}` : '-',
})));
console.log(JSON.stringify(results.targetsMet));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./results/${process.env.LOAD_RESULT_NAME ?? 'fan-in'}.json`, import.meta.url), JSON.stringify(results, null, 2) + '\n');
