/**
 * The device step of the composition root: floors and areas, the history of device states (its own database),
 * and the device registry on the hub's MQTT client, seeded from the config.
 */
import { join } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { HubConfig } from '../config/schema.js';
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import { DeviceHistory } from '../devices/history.js';
import { HistoryCheckpointer } from '../devices/history-checkpointer.js';
import { moveLegacyHistory, openHistoryDatabase } from '../devices/history-database.js';
import { builtInDrivers, DeviceRegistry, Household, seedFromConfig } from '../devices/index.js';
import type { EmbeddedBroker } from '../mqtt/embedded-broker.js';
import type { MqttTransport } from '../mqtt/transport.js';
import type { Db } from '../store/database.js';
import type { Started } from './started.js';

export interface DevicesDeps {
  config: LoadedConfig;
  db: Db;
  transport: MqttTransport;
  broker?: EmbeddedBroker;
  bus: EventBus<HubEvents>;
  log: Logger;
  clock: Clock;
  started: Started;
}

export interface DevicesWiring {
  household: Household;
  registry: DeviceRegistry;
  history: DeviceHistory;
}

export async function startDevices({
  config,
  db,
  transport,
  broker,
  bus,
  log,
  clock,
  started,
}: DevicesDeps): Promise<DevicesWiring> {
  const household = new Household({ db, bus, clock });
  await household.start();
  started('household', () => household.stop());
  // Before the registry, so the states it restores and receives first are charted too.
  const history = await startHistory(config.dataDir, db, bus, log, clock, started);
  const registry = new DeviceRegistry({
    db,
    bus,
    log,
    clock,
    transport,
    drivers: builtInDrivers,
    commandTimeoutMs: config.mqtt.commandTimeoutMs,
    maxPayloadBytes: config.mqtt.maxPayloadBytes,
    stateLimits: config.deviceState,
    ...(broker ? { announcedTopicsProblem: broker.announcedTopicsProblem } : {}),
  });
  await registry.start();
  started('devices', () => registry.stop());
  // The frozen config is only read here; the seeding API merely lacks `readonly` on nested arrays.
  seedFromConfig(config as HubConfig, { household, devices: registry });
  return { household, registry, history };
}

async function startHistory(
  dataDir: string,
  db: Db,
  bus: EventBus<HubEvents>,
  log: Logger,
  clock: Clock,
  started: Started,
): Promise<DeviceHistory> {
  const historyLog = log.child({ module: 'device-history' });
  const historyDb = openHistoryDatabase(dataDir);
  started('history database', () => void historyDb.close());
  const movedReadings = moveLegacyHistory(db, join(dataDir, 'hearth.db'), historyDb);
  if (movedReadings > 0)
    historyLog.info({ readings: movedReadings }, 'moved device history from hearth.db to its own file');
  const checkpointer = new HistoryCheckpointer({ db: historyDb, log: historyLog });
  await checkpointer.start();
  started('history checkpoints', () => checkpointer.stop());
  const history = new DeviceHistory({ db: historyDb, bus, clock, log: historyLog });
  await history.start();
  started('device history', () => history.stop());
  return history;
}
