/**
 * The three brokers the same load runs against: the full hub (auth, ACL, registry, WebSocket fan-out),
 * raw aedes with no hooks, and Debian's Mosquitto. Each target reports what reached its receiver.
 */
import { rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes, type AedesPublishPacket } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import { silentLogger } from '../../hub/core/logger.js';
import { createHub, type Hub } from '../../hub/main.js';
import { startBenchMosquitto } from './mosquitto-process.js';
import { loopbackHubConfig, tempDataDir } from '../../test/harness/hub.js';
import type { LoadDevice } from './generator.js';
import { deviceIdFromStateTopic, LatencyRecorder, nowMs, parseLoadPayload, SequenceTracker } from './stats.js';

/** What arrived at the receiver behind the broker (the hub's registry, or a subscriber). */
export class DeliverySink {
  readonly latency = new LatencyRecorder();
  readonly sequences = new SequenceTracker();
  firstAt = 0;
  lastAt = 0;

  record(deviceId: string, seq: number, sentAt: number): void {
    const at = nowMs();
    if (!this.firstAt) this.firstAt = at;
    this.lastAt = at;
    this.sequences.record(deviceId, seq);
    this.latency.add(at - sentAt);
  }

  reset(): void {
    Object.assign(this, { firstAt: 0, lastAt: 0 });
    (this as { latency: LatencyRecorder }).latency = new LatencyRecorder();
    (this as { sequences: SequenceTracker }).sequences = new SequenceTracker();
  }
}

export interface Target {
  name: 'hub' | 'aedes' | 'mosquitto';
  url: string;
  devices: LoadDevice[];
  sink: DeliverySink;
  /** The hub's WebSocket event stream (hub only). */
  eventsUrl?: string;
  /** A broker in another process: its RSS is read from /proc (mosquitto). */
  pid?: number;
  stop(): Promise<void>;
}

export function loadDeviceIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `load-${String(i).padStart(5, '0')}`);
}

export async function startHubTarget(
  count: number,
  onProgress?: (what: string) => void,
): Promise<Target & { hub: Hub }> {
  const dataDir = tempDataDir('hearth-bench-load-');
  // The text recogniser: a pocketsphinx grammar over 1,000 devices costs minutes and ~3 MB of native memory per
  // device (measured; see BENCHMARKS.md), which is the voice module's cost, not the MQTT path's.
  const config = loopbackHubConfig(dataDir, { voice: { recognizer: 'text' } });
  const hub = createHub(config, { log: silentLogger, env: {} });
  const runtime = await hub.start();
  const sink = new DeliverySink();
  hub.events.on('deviceStateChanged', ({ deviceId, changed }) => {
    if (typeof changed.seq === 'number' && typeof changed.t === 'number') sink.record(deviceId, changed.seq, changed.t);
  });
  const devices: LoadDevice[] = [];
  for (const id of loadDeviceIds(count)) {
    hub.devices().add({ id, name: `Load sensor ${id.slice(5)}`, type: 'sensor' });
    const { password } = hub.credentials().create(id);
    devices.push({ id, username: id, password });
    if (devices.length % 250 === 0) onProgress?.(`${devices.length} devices and credentials created`);
  }
  return {
    name: 'hub',
    hub,
    url: runtime.mqtt.url,
    devices,
    sink,
    eventsUrl: `${runtime.http.url.replace('http', 'ws')}/api/v1/events?events=deviceStateChanged&token=${encodeURIComponent(hub.token())}`,
    async stop() {
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startAedesTarget(count: number): Promise<Target & { aedes: Aedes }> {
  const aedes = new Aedes();
  await aedes.listen();
  const server: Server = createServer((socket) => aedes.handle(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sink = new DeliverySink();
  // The in-process subscriber is the same kind of receiver as the hub's embedded transport.
  await new Promise<void>((resolve) =>
    aedes.subscribe(
      'hearth/+/state',
      (packet: AedesPublishPacket, done: () => void) => {
        const deviceId = deviceIdFromStateTopic(packet.topic);
        const body = parseLoadPayload(packet.payload as Buffer);
        if (deviceId && body) sink.record(deviceId, body.seq, body.t);
        done();
      },
      resolve,
    ),
  );
  return {
    name: 'aedes',
    aedes,
    url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    devices: loadDeviceIds(count).map((id) => ({ id })),
    sink,
    async stop() {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function startMosquittoTarget(count: number): Promise<Target> {
  const mosquitto = await startBenchMosquitto({ unlimitedQueues: process.env.MOSQUITTO_DEFAULT_QUEUES !== '1' });
  const sink = new DeliverySink();
  const subscriber: MqttClient = await mqtt.connectAsync(mosquitto.url, {
    protocolVersion: 4,
    clientId: 'load-receiver',
    reconnectPeriod: 0,
  });
  subscriber.on('message', (topic, payload) => {
    const deviceId = deviceIdFromStateTopic(topic);
    const body = parseLoadPayload(payload);
    if (deviceId && body) sink.record(deviceId, body.seq, body.t);
  });
  await subscriber.subscribeAsync('hearth/+/state', { qos: 1 });
  return {
    name: 'mosquitto',
    url: mosquitto.url,
    pid: mosquitto.pid,
    devices: loadDeviceIds(count).map((id) => ({ id })),
    sink,
    async stop() {
      await subscriber.endAsync(true);
      await mosquitto.stop();
    },
  };
}
