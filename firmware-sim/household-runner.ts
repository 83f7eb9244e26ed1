import { HubError } from '../hub/sdk/index.js';
import type { SimClock } from './core/clock.js';
import type { SimLogger } from './core/logger.js';
import { quietLogger } from './core/logger.js';
import type { ResponseDelay } from './core/firmware-link.js';
import type { RunnableDevice } from './core/simulated-device.js';
import { deviceKinds, type DeviceKind } from './devices/catalog.js';
import { HubClient } from './hub-client.js';
import { household as defaultHousehold, type HouseholdDefinition, type HouseholdDevice } from './household.js';

export interface HouseholdRunOptions {
  hubUrl: string;
  token: string;
  /** Overrides the broker URL; by default the hub's host with the MQTT port from GET /health. */
  mqttUrl?: string;
  definition?: HouseholdDefinition;
  /** One line per device once it is online. */
  print(line: string): void;
  log?: SimLogger;
  clock?: SimClock;
  delay?: ResponseDelay;
  reconnectPeriodMs?: number;
  fetchImpl?: typeof fetch;
}

export interface RunningHousehold {
  devices: Map<string, RunnableDevice>;
  mqttUrl: string;
  /** Every device says offline and disconnects. */
  stop(): Promise<void>;
}

function kindOf(device: HouseholdDevice): DeviceKind {
  const kind = deviceKinds.get(device.kind);
  if (!kind)
    throw new HubError(
      'CONFIG_INVALID',
      `household device "${device.id}" has unknown kind "${device.kind}"; see "hearth-sim kinds"`,
    );
  return kind;
}

/**
 * Registers floors, areas, devices and credentials through the hub's HTTP API (reusing what exists),
 * then connects every simulated device with its own credential.
 */
export async function runHousehold(options: HouseholdRunOptions): Promise<RunningHousehold> {
  const definition = options.definition ?? defaultHousehold;
  const log = options.log ?? quietLogger;
  const client = new HubClient(options.hubUrl, options.token, options.fetchImpl);
  const health = await client.waitForHealth();
  const mqttUrl = options.mqttUrl ?? `mqtt://${new URL(options.hubUrl).hostname}:${health.mqtt.port}`;

  for (const floor of definition.floors) await client.ensure('floors', floor);
  for (const area of definition.areas) await client.ensure('areas', area);
  const credentials = new Map<string, { username: string; password: string }>();
  for (const device of definition.devices) {
    const kind = kindOf(device);
    // Discovery devices register themselves by announcing; the hub only needs to let them in.
    if (kind.protocol === 'hearth') {
      const deviceClass = device.deviceClass ?? kind.deviceClass;
      await client.ensure('devices', {
        id: device.id,
        name: device.name,
        aliases: device.aliases,
        area: device.area,
        type: device.type ?? kind.type,
        ...(deviceClass ? { deviceClass } : {}),
        capabilities: [...kind.capabilities],
      });
    }
    const issued = await client.createCredential(device.id, kind.extraTopics(device.id));
    credentials.set(device.id, { username: issued.username, password: issued.password });
  }

  const areaName = new Map(definition.areas.map((a) => [a.id, a.name]));
  const idWidth = Math.max(...definition.devices.map((d) => d.id.length));
  const kindWidth = Math.max(...definition.devices.map((d) => d.kind.length));
  const devices = new Map<string, RunnableDevice>();
  const cancelled = { value: false };

  await Promise.all(
    definition.devices.map(async (device) => {
      const kind = kindOf(device);
      const credential = credentials.get(device.id)!;
      const sim = kind.create({
        id: device.id,
        name: device.name,
        connection: {
          url: mqttUrl,
          ...credential,
          ...(options.reconnectPeriodMs !== undefined ? { reconnectPeriodMs: options.reconnectPeriodMs } : {}),
        },
        log,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.delay ? { delay: options.delay } : {}),
      });
      await sim.start();
      devices.set(device.id, sim);
      options.print(
        `online  ${device.id.padEnd(idWidth)}  ${device.kind.padEnd(kindWidth)}  (${areaName.get(device.area) ?? device.area})`,
      );
      if (kind.protocol === 'ha-discovery') void placeDiscoveredDevice(client, device, log, cancelled);
    }),
  ).catch(async (err: unknown) => {
    await Promise.all([...devices.values()].map((d) => d.stop()));
    throw err;
  });

  return {
    devices,
    mqttUrl,
    async stop() {
      cancelled.value = true;
      await Promise.all([...devices.values()].map((d) => d.stop()));
    },
  };
}

/** Puts a self-announced device in its area once the hub has ingested its discovery config. */
async function placeDiscoveredDevice(
  client: HubClient,
  device: HouseholdDevice,
  log: SimLogger,
  cancelled: { value: boolean },
): Promise<void> {
  for (let attempt = 0; attempt < 20 && !cancelled.value; attempt++) {
    try {
      if (await client.deviceExists(device.id)) {
        await client.patchDevice(device.id, { area: device.area, aliases: device.aliases });
        return;
      }
    } catch (err) {
      log.debug({ device: device.id, err: (err as Error).message }, 'discovered device not placed yet');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!cancelled.value)
    log.warn({ device: device.id }, 'the hub did not list the discovered device; its area is not set');
}
