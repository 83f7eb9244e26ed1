/**
 * Embedded broker throughput and latency on loopback: CONNECT with auth (HMAC-checked device secret), QoS 1 retained state
 * publishes (each written to SQLite before PUBACK), QoS 1 non-retained events to the hub's transport.
 * Run: node --import tsx bench/mqtt-broker.ts  → prints numbers, writes bench/results/mqtt-broker.json
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { EventBus } from '../hub/core/event-bus.js';
import type { HubEvents } from '../hub/core/events.js';
import { silentLogger } from '../hub/core/logger.js';
import { openDatabase } from '../hub/store/database.js';
import { EmbeddedBroker, SqliteCredentialService } from '../hub/mqtt/index.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-mqtt-'));
const db = openDatabase(join(dir, 'hub.db'));
const credentials = new SqliteCredentialService(db);
const broker = new EmbeddedBroker({
  config: { host: '127.0.0.1', port: 0, allowAnonymous: false, maxPayloadBytes: 256 * 1024 },
  dataDir: dir,
  credentials,
  bus: new EventBus<HubEvents>(silentLogger),
  log: silentLogger,
});
await broker.start();
const { password } = credentials.create('bench');
const url = `mqtt://127.0.0.1:${broker.port}`;
const options = { protocolVersion: 4 as const, clientId: 'bench', username: 'bench', password, reconnectPeriod: 0 };

const connects = 10;
let t = performance.now();
for (let i = 0; i < connects; i++) await (await mqtt.connectAsync(url, options)).endAsync();
const connectMs = (performance.now() - t) / connects;

const client = await mqtt.connectAsync(url, options);
const retainedCount = 300;
t = performance.now();
for (let i = 0; i < retainedCount; i++) {
  await client.publishAsync(`hearth/bench/state`, JSON.stringify({ on: i % 2 === 0, n: i }), { qos: 1, retain: true });
}
const retainedMs = performance.now() - t;

const hub = broker.transport();
let received = 0;
await hub.subscribe('hearth/bench/event', () => received++);
const eventCount = 3000;
t = performance.now();
await Promise.all(
  Array.from({ length: eventCount }, (_, i) =>
    client.publishAsync('hearth/bench/event', `{"type":"tick","n":${i}}`, { qos: 1 }),
  ),
);
while (received < eventCount) await new Promise((r) => setTimeout(r, 5));
const eventMs = performance.now() - t;

await client.endAsync();
await broker.stop();
db.close();
rmSync(dir, { recursive: true, force: true });

const results = {
  connectWithAuthMs: Number(connectMs.toFixed(1)),
  retainedQos1SequentialPerSec: Math.round(retainedCount / (retainedMs / 1000)),
  retainedQos1MeanRoundTripMs: Number((retainedMs / retainedCount).toFixed(2)),
  eventsQos1PipelinedPerSec: Math.round(eventCount / (eventMs / 1000)),
  at: new Date().toISOString(),
};
console.log(results);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/mqtt-broker.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
