/** A real embedded broker + SQLite file + DeviceRegistry/Household, and mqtt.js clients acting as devices. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { EventBus } from '../../hub/core/event-bus.js';
import type { HubEvents } from '../../hub/core/events.js';
import { silentLogger } from '../../hub/core/logger.js';
import { systemClock } from '../../hub/core/clock.js';
import { openDatabase, type Db } from '../../hub/store/database.js';
import { EmbeddedBroker, SqliteCredentialService, type MqttTransport } from '../../hub/mqtt/index.js';
import { builtInDrivers, DeviceRegistry, Household } from '../../hub/devices/index.js';

export interface DevicesFixture {
  dir: string;
  db: Db;
  bus: EventBus<HubEvents>;
  broker: EmbeddedBroker;
  transport: MqttTransport;
  registry: DeviceRegistry;
  household: Household;
  events: { [K in keyof HubEvents]?: HubEvents[K][] };
  device(clientId?: string, will?: { topic: string; payload: string }): Promise<MqttClient>;
  /** Stops the hub side (registry, transport, broker) and starts it again on the same files. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const RECORDED: (keyof HubEvents)[] = [
  'deviceAdded',
  'deviceUpdated',
  'deviceRemoved',
  'deviceStateChanged',
  'deviceAvailabilityChanged',
  'deviceEvent',
  'inputRejected',
  'commandSent',
  'commandCompleted',
];

export async function startDevicesFixture(options: { commandTimeoutMs?: number } = {}): Promise<DevicesFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-devices-'));
  const db = openDatabase(join(dir, 'hearth.db'));
  const bus = new EventBus<HubEvents>(silentLogger);
  const events: DevicesFixture['events'] = {};
  for (const name of RECORDED) bus.on(name, (payload) => ((events[name] ??= [] as never[]) as unknown[]).push(payload));
  const clients: MqttClient[] = [];

  const build = () => {
    const broker = new EmbeddedBroker({
      config: { host: '127.0.0.1', port: 0, allowAnonymous: true, maxPayloadBytes: 64 * 1024 },
      dataDir: dir,
      credentials: new SqliteCredentialService(db),
      bus,
      log: silentLogger,
    });
    return broker;
  };
  const startHub = async (broker: EmbeddedBroker) => {
    await broker.start();
    const transport = broker.transport();
    await transport.start();
    const household = new Household({ db, bus });
    await household.start();
    const registry = new DeviceRegistry({
      db,
      bus,
      log: silentLogger,
      clock: systemClock,
      transport,
      drivers: builtInDrivers,
      // A ceiling for a device that never answers: a loaded machine acks late (1.5-2 s failed real commands);
      // a test of the timeout itself passes a short timeoutMs with its command.
      commandTimeoutMs: options.commandTimeoutMs ?? 10_000,
      maxPayloadBytes: 16 * 1024,
    });
    await registry.start();
    return { transport, household, registry };
  };

  const broker = build();
  const hub = await startHub(broker);
  const fixture: DevicesFixture = {
    dir,
    db,
    bus,
    broker,
    events,
    ...hub,
    async device(clientId, will) {
      const client = mqtt.connect(fixture.broker.url, {
        protocolVersion: 4,
        clientId: clientId ?? `dev-${Math.random().toString(16).slice(2)}`,
        reconnectPeriod: 0,
        ...(will ? { will: { topic: will.topic, payload: Buffer.from(will.payload), qos: 1, retain: true } } : {}),
      });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('error', reject);
      });
      return client;
    },
    async restart() {
      await fixture.registry.stop();
      await fixture.transport.stop();
      await fixture.broker.stop();
      fixture.broker = build();
      Object.assign(fixture, await startHub(fixture.broker));
    },
    async close() {
      await Promise.all(clients.map((c) => c.endAsync(true).catch(() => {})));
      await fixture.registry.stop();
      await fixture.transport.stop();
      await fixture.broker.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** The devices tests' name for the harness's `until`. */
export { until as waitFor } from '../harness/until.js';

/** Makes an mqtt.js client answer messages on `topic` by calling `reply`. */
export async function onMessage(
  client: MqttClient,
  topic: string,
  reply: (payload: string, topic: string) => void,
): Promise<void> {
  await client.subscribeAsync(topic, { qos: 1 });
  client.on('message', (t, payload) => {
    if (t === topic) reply(payload.toString(), t);
  });
}
