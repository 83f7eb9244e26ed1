/**
 * Device layer on loopback: command round trip (registry → embedded broker → mqtt.js device → ack → resolved),
 * Home Assistant discovery ingest, and rejection throughput for malformed device payloads.
 * Run: node --import tsx bench/devices.bench.ts  → prints numbers, writes bench/results/devices.json
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { EventBus } from '../hub/core/event-bus.js';
import type { HubEvents } from '../hub/core/events.js';
import { silentLogger } from '../hub/core/logger.js';
import { systemClock } from '../hub/core/clock.js';
import { openDatabase } from '../hub/store/database.js';
import { EmbeddedBroker, SqliteCredentialService } from '../hub/mqtt/index.js';
import { builtInDrivers, DeviceRegistry } from '../hub/devices/index.js';
import { topics } from '../hub/sdk/index.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-devices-'));
const db = openDatabase(join(dir, 'hearth.db'));
const bus = new EventBus<HubEvents>(silentLogger);
const broker = new EmbeddedBroker({
  config: { host: '127.0.0.1', port: 0, allowAnonymous: true, maxPayloadBytes: 256 * 1024 },
  dataDir: dir,
  credentials: new SqliteCredentialService(db),
  bus,
  log: silentLogger,
});
await broker.start();
const transport = broker.transport();
await transport.start();
const registry = new DeviceRegistry({
  db,
  bus,
  log: silentLogger,
  clock: systemClock,
  transport,
  drivers: builtInDrivers,
  commandTimeoutMs: 5000,
});
await registry.start();

const device = await mqtt.connectAsync(broker.url, { protocolVersion: 4, clientId: 'bench-light', reconnectPeriod: 0 });
registry.add({ id: 'bench-light', name: 'Bench light', type: 'light' });
await device.subscribeAsync(topics.set('bench-light'), { qos: 1 });
device.on('message', (_topic, payload) => {
  const cmd = JSON.parse(payload.toString()) as { id: string; command: string };
  device.publish(
    topics.ack('bench-light'),
    JSON.stringify({ id: cmd.id, status: 'ok', state: { on: cmd.command === 'turn_on' } }),
  );
});
await new Promise((r) => setTimeout(r, 100));

const rounds = 300;
const latencies: number[] = [];
for (let i = 0; i < rounds; i++) {
  const t = performance.now();
  await registry.command('bench-light', { command: i % 2 ? 'turn_off' : 'turn_on' });
  latencies.push(performance.now() - t);
}
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;

const discovered = 200;
let added = 0;
bus.on('deviceAdded', () => added++);
let t = performance.now();
for (let i = 0; i < discovered; i++) {
  device.publish(
    `homeassistant/switch/bench${i}/config`,
    JSON.stringify({ name: `Plug ${i}`, cmd_t: `plug${i}/set`, stat_t: `plug${i}/state`, uniq_id: `bench_plug_${i}` }),
  );
}
while (added < discovered) await new Promise((r) => setTimeout(r, 5));
const discoveryMs = performance.now() - t;

const malformed = 10_000;
let rejected = 0;
bus.on('inputRejected', () => rejected++);
t = performance.now();
for (let i = 0; i < malformed; i++)
  device.publish(topics.state('bench-light'), i % 2 ? '{broken' : '{"brightness": 900}');
while (rejected < malformed) await new Promise((r) => setTimeout(r, 5));
const malformedMs = performance.now() - t;

const results = {
  commandRoundTripMs: { median: +pct(0.5).toFixed(3), p95: +pct(0.95).toFixed(3), p99: +pct(0.99).toFixed(3), rounds },
  discoveryIngest: {
    devices: discovered,
    totalMs: +discoveryMs.toFixed(1),
    perDeviceMs: +(discoveryMs / discovered).toFixed(3),
  },
  malformedRejections: {
    count: malformed,
    totalMs: +malformedMs.toFixed(1),
    perSecond: Math.round(malformed / (malformedMs / 1000)),
  },
};
console.log(JSON.stringify(results, null, 2));
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'devices.json'), JSON.stringify(results, null, 2) + '\n');

await device.endAsync();
await registry.stop();
await transport.stop();
await broker.stop();
db.close();
rmSync(dir, { recursive: true, force: true });
