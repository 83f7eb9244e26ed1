/**
 * MQTT fan-in: N devices × rate of retained QoS 1 state messages, through the hub (auth, ACL, registry,
 * WebSocket fan-out), raw aedes and Mosquitto, with the same generator (one child process per target).
 * All targets are started and connected first; then ROUNDS rounds run each target in turn (the order rotates
 * per round), so a noisy moment on the shared machine hits one run, not one broker. Each run: the fixed rate,
 * then saturation (a window of in-flight publishes per device) for the maximum throughput. Every run records
 * the CPU of the broker, the generator and the WebSocket probe, so a run where the generator (not the broker)
 * was the bottleneck shows as such, and the broker's CPU per message compares the work independent of load.
 *
 * Run: node --expose-gc --import tsx bench/fan-in.ts   (writes bench/results/fan-in.json)
 * Env: LOAD_DEVICES=1000 LOAD_RATE=10000 LOAD_SECONDS=20 SATURATE_SECONDS=10 LOAD_ROUNDS=3 LOAD_TARGETS=hub,aedes,mosquitto
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { GeneratorProcess } from './load/child-driver.js';
import { cpuMeter } from './load/cpu.js';
import type { LoadPlan, LoadResult } from './load/generator.js';
import { measurePhase, type PhaseReport } from './load/measure.js';
import { median } from './load/stats.js';
import { startAedesTarget, startHubTarget, startMosquittoTarget, type Target } from './load/targets.js';
import { loadNow, machine } from './machine.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DEVICES = env('LOAD_DEVICES', 1000);
const RATE = env('LOAD_RATE', 10_000);
const SECONDS = env('LOAD_SECONDS', 20);
const SATURATE_SECONDS = env('SATURATE_SECONDS', 10);
const ROUNDS = env('LOAD_ROUNDS', 3);
const TARGETS = (process.env.LOAD_TARGETS ?? 'hub,aedes,mosquitto').split(',') as Target['name'][];
const log = (...args: unknown[]) => console.error(`[fan-in ${new Date().toISOString().slice(11, 19)}]`, ...args);

interface Contestant {
  target: Target;
  generator: GeneratorProcess;
  probe: GeneratorProcess | undefined;
  previous: LoadResult | undefined;
  connectMs: number;
  connected: number;
  /** All devices dropped and connected again (the hub checks each HMAC-hashed secret again). */
  reconnectMs?: number;
}

/** One phase of one run, with the CPU each process used (% of one core) and the broker's CPU per message. */
interface MeasuredPhase extends PhaseReport {
  cpuPercent: Record<string, number>;
  brokerCpuUsPerMessage: number;
  eventLoopDelayMs?: { p99: number; max: number };
}

interface RunReport {
  round: number;
  target: Target['name'];
  loadAverage: number;
  rate: MeasuredPhase;
  saturated: MeasuredPhase;
}

async function prepare(name: Target['name']): Promise<Contestant> {
  const target =
    name === 'hub'
      ? await startHubTarget(DEVICES, log)
      : name === 'aedes'
        ? await startAedesTarget(DEVICES)
        : await startMosquittoTarget(DEVICES);
  const generator = new GeneratorProcess();
  const probe = target.eventsUrl ? new GeneratorProcess() : undefined;
  const { ms: connectMs, connected } = await generator.connect(target.url, target.devices);
  if (probe) await probe.connect(target.url, [], target.eventsUrl);
  log(`${name}: ${connected}/${DEVICES} devices connected in ${connectMs} ms`);
  return { target, generator, probe, previous: undefined, connectMs, connected };
}

/** Every device disconnects and connects again, as after a Wi-Fi outage. */
async function reconnectAll(c: Contestant): Promise<void> {
  await c.generator.close();
  c.generator = new GeneratorProcess();
  const { ms, connected } = await c.generator.connect(c.target.url, c.target.devices);
  c.reconnectMs = ms;
  log(`${c.target.name}: ${connected} devices reconnected in ${ms} ms`);
}

async function phase(c: Contestant, plan: LoadPlan): Promise<MeasuredPhase> {
  // In-process brokers (hub, aedes) are this process; Mosquitto runs in its own, and this process is its receiver.
  const inProcess = c.target.pid === undefined;
  const meter = cpuMeter({
    broker: c.target.pid,
    ...(inProcess ? {} : { receiver: undefined }),
    generator: c.generator.pid,
    ...(c.probe ? { probe: c.probe.pid } : {}),
  });
  const loopDelay = inProcess ? monitorEventLoopDelay({ resolution: 10 }) : undefined;
  loopDelay?.enable();
  const { report, result } = await measurePhase(c.generator, c.target.sink, plan, c.previous, c.probe);
  loopDelay?.disable();
  c.previous = result;
  const cpu = meter();
  return {
    ...report,
    cpuPercent: cpu.percent,
    brokerCpuUsPerMessage: Math.round(((cpu.cpuMs.broker! * 1000) / Math.max(1, report.delivered)) * 10) / 10,
    ...(loopDelay
      ? {
          eventLoopDelayMs: {
            p99: Math.round(loopDelay.percentile(99) / 1e5) / 10,
            max: Math.round(loopDelay.max / 1e5) / 10,
          },
        }
      : {}),
  };
}

async function run(c: Contestant, round: number): Promise<RunReport> {
  const name = c.target.name;
  const loadAverage = Math.round(loadavg()[0]! * 10) / 10;
  const warm = await measurePhase(
    c.generator,
    c.target.sink,
    { mode: 'rate', ratePerSec: RATE, durationMs: 2000 },
    c.previous,
    c.probe,
  );
  c.previous = warm.result;
  const rate = await phase(c, { mode: 'rate', ratePerSec: RATE, durationMs: SECONDS * 1000 });
  log(
    `round ${round} ${name} rate: lost ${rate.lost}, p50 ${rate.latency.p50Ms} p99 ${rate.latency.p99Ms} ms, ${rate.brokerCpuUsPerMessage} µs/msg, cpu ${JSON.stringify(rate.cpuPercent)}`,
  );
  const saturated = await phase(c, { mode: 'saturate', window: 4, durationMs: SATURATE_SECONDS * 1000 });
  log(
    `round ${round} ${name} saturated: ${saturated.deliveredPerSec} msg/s, cpu ${JSON.stringify(saturated.cpuPercent)}`,
  );
  return { round, target: name, loadAverage, rate, saturated };
}

const loadBefore = loadNow();
const contestants: Contestant[] = [];
try {
  for (const name of TARGETS) contestants.push(await prepare(name));
  // Steady state is what is measured: let the work that follows adding 1,000 devices (slot lists, grammar) finish.
  await new Promise((r) => setTimeout(r, 5000));
  const runs: RunReport[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const order = contestants.map((_, i) => contestants[(i + round - 1) % contestants.length]!);
    for (const c of order) runs.push(await run(c, round));
  }
  for (const c of contestants) await reconnectAll(c);
  writeResults(runs);
} finally {
  for (const c of contestants) {
    await c.generator.close();
    await c.probe?.close();
    await c.target.stop();
  }
}

function summarize(name: Target['name'], runs: RunReport[]) {
  const mine = runs.filter((r) => r.target === name);
  const c = contestants.find((x) => x.target.name === name)!;
  const med = (pick: (r: RunReport) => number) => Math.round(median(mine.map(pick)) * 100) / 100;
  return {
    target: name,
    connectMs: c.connectMs,
    connected: c.connected,
    reconnectMs: c.reconnectMs,
    runs: mine.length,
    sent: mine.reduce((n, r) => n + r.rate.sent, 0),
    lost: mine.reduce((n, r) => n + r.rate.lost, 0),
    duplicates: mine.reduce((n, r) => n + r.rate.duplicates, 0),
    median: {
      rateDeliveredPerSec: med((r) => r.rate.deliveredPerSec),
      p50Ms: med((r) => r.rate.latency.p50Ms),
      p99Ms: med((r) => r.rate.latency.p99Ms),
      brokerCpuUsPerMessage: med((r) => r.rate.brokerCpuUsPerMessage),
      brokerCpuPercentAtRate: med((r) => r.rate.cpuPercent.broker!),
      generatorCpuPercentAtRate: med((r) => r.rate.cpuPercent.generator!),
      saturatedPerSec: med((r) => r.saturated.deliveredPerSec),
      saturatedBrokerCpuPercent: med((r) => r.saturated.cpuPercent.broker!),
      saturatedGeneratorCpuPercent: med((r) => r.saturated.cpuPercent.generator!),
      ...(mine[0]?.rate.events
        ? {
            wsP99Ms: med((r) => r.rate.events?.latency.p99Ms ?? NaN),
            wsUniqueEvents: med((r) => r.rate.events?.unique ?? 0),
          }
        : {}),
    },
    p99MsPerRun: mine.map((r) => r.rate.latency.p99Ms),
    saturatedPerSecPerRun: mine.map((r) => r.saturated.deliveredPerSec),
  };
}

function writeResults(runs: RunReport[]): void {
  const summaries = TARGETS.map((name) => summarize(name, runs));
  const byName = Object.fromEntries(summaries.map((s) => [s.target, s]));
  const hub = byName.hub;
  const aedes = byName.aedes;
  // Paired per round (the two ran minutes apart at most), then the median: one noisy run cannot decide.
  const ratios =
    hub && aedes
      ? hub.saturatedPerSecPerRun.map((h, i) => Math.round((h / aedes.saturatedPerSecPerRun[i]!) * 100) / 100)
      : [];
  const hubVsAedes = ratios.length ? median(ratios) : undefined;
  // The same comparison from CPU cost: a broker's capacity on one core is 1 / (CPU per message).
  const cpuRatio =
    hub && aedes
      ? Math.round((aedes.median.brokerCpuUsPerMessage / hub.median.brokerCpuUsPerMessage) * 100) / 100
      : undefined;
  const results = {
    at: new Date().toISOString(),
    machine: machine(loadBefore),
    mosquittoQueues:
      process.env.MOSQUITTO_DEFAULT_QUEUES === '1'
        ? 'Debian defaults'
        : 'max_queued_messages 0, max_inflight_messages 0 (unlimited)',
    load: {
      devices: DEVICES,
      ratePerSec: RATE,
      seconds: SECONDS,
      saturateSeconds: SATURATE_SECONDS,
      rounds: ROUNDS,
      qos: 1,
      retain: true,
    },
    summary: summaries,
    targetsMet:
      hub && hub.runs > 0
        ? {
            zeroLost: hub.lost === 0,
            hubP99Within50Ms: hub.median.p99Ms <= 50,
            hubP99WithinInEveryRun: hub.p99MsPerRun.every((p) => p <= 50),
            sustainedRate: hub.median.rateDeliveredPerSec >= RATE * 0.98,
            ...(hubVsAedes !== undefined
              ? {
                  hubThroughputVsAedesPerRound: ratios,
                  hubThroughputVsAedes: hubVsAedes,
                  atLeast80PercentOfAedes: hubVsAedes >= 0.8,
                  hubCapacityVsAedesByCpu: cpuRatio,
                }
              : {}),
          }
        : undefined,
    runs,
  };
  console.table(
    runs.map((r) => ({
      round: r.round,
      target: r.target,
      load: r.loadAverage,
      lost: r.rate.lost,
      'p50 ms': r.rate.latency.p50Ms,
      'p99 ms': r.rate.latency.p99Ms,
      'µs/msg': r.rate.brokerCpuUsPerMessage,
      'cpu b/g %': `${r.rate.cpuPercent.broker}/${r.rate.cpuPercent.generator}`,
      'ws p99': r.rate.events?.latency.p99Ms ?? '-',
      'max msg/s': r.saturated.deliveredPerSec,
      'sat cpu b/g %': `${r.saturated.cpuPercent.broker}/${r.saturated.cpuPercent.generator}`,
      loop: r.rate.eventLoopDelayMs ? `${r.rate.eventLoopDelayMs.p99}/${r.rate.eventLoopDelayMs.max}` : '-',
    })),
  );
  console.log(JSON.stringify(results.targetsMet));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL(`./results/${process.env.LOAD_RESULT_NAME ?? 'fan-in'}.json`, import.meta.url),
    JSON.stringify(results, null, 2) + '\n',
  );
}
