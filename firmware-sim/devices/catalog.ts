import type { DeviceType, DeviceTypeDefinition } from '../../hub/sdk/index.js';
import { deviceTypes } from '../../device-types/index.js';
import type { AnyBehavior, SimState } from '../core/behavior.js';
import type { SimClock } from '../core/clock.js';
import type { ConnectionOptions } from '../core/connection.js';
import type { SimLogger } from '../core/logger.js';
import { SimulatedDevice, type ResponseDelay, type RunnableDevice } from '../core/simulated-device.js';
import {
  coffeeMachineBehavior,
  dishwasherBehavior,
  dryerBehavior,
  ovenBehavior,
  washerBehavior,
} from './appliance/kinds.js';
import { climateBehavior } from './climate/behavior.js';
import { coverBehavior } from './cover/behavior.js';
import { dashButtonBehavior } from './dash-button/behavior.js';
import { fanBehavior } from './fan/behavior.js';
import { lightBehavior } from './light/behavior.js';
import { lockBehavior } from './lock/behavior.js';
import { mediaPlayerBehavior } from './media-player/behavior.js';
import { plugBehavior } from './plug/behavior.js';
import { leakSensorBehavior, temperatureSensorBehavior } from './sensor/behavior.js';
import { TasmotaPlug } from './tasmota-plug/device.js';
import { plugExtraTopics } from './tasmota-plug/discovery.js';
import { vacuumBehavior } from './vacuum/behavior.js';
import { vehicleBehavior } from './vehicle/behavior.js';

export interface CreateDeviceOptions {
  id: string;
  name?: string;
  connection: ConnectionOptions;
  clock?: SimClock;
  random?: () => number;
  delay?: ResponseDelay;
  initialState?: SimState;
  log?: SimLogger;
}

export interface DeviceKind {
  kind: string;
  type: DeviceType;
  deviceClass?: string;
  capabilities: readonly string[];
  /** `hearth` speaks hub/sdk/protocol.ts; `ha-discovery` announces itself with Home Assistant discovery. */
  protocol: 'hearth' | 'ha-discovery';
  /** Topic filters beyond hearth/<id>/# the device's credential must allow. */
  extraTopics(id: string): string[];
  create(options: CreateDeviceOptions): RunnableDevice;
}

/** A native kind: a fresh behavior per device, because some keep per-device timers. */
function native(makeBehavior: () => AnyBehavior): DeviceKind {
  const sample = makeBehavior();
  return {
    kind: sample.kind,
    type: sample.type,
    ...(sample.deviceClass ? { deviceClass: sample.deviceClass } : {}),
    capabilities: sample.capabilities,
    protocol: 'hearth',
    extraTopics: () => [],
    create: (options) => new SimulatedDevice({ ...options, behavior: makeBehavior() }),
  };
}

const KINDS: DeviceKind[] = [
  native(() => lightBehavior),
  native(() => plugBehavior()),
  native(() => plugBehavior({ kind: 'kettle_plug', loadW: 2200 })),
  native(() => climateBehavior()),
  native(() => lockBehavior()),
  native(() => coverBehavior({ kind: 'cover', travelSeconds: 25, deviceClass: 'blind' })),
  native(() => coverBehavior({ kind: 'garage_door', travelSeconds: 15, deviceClass: 'garage' })),
  native(() => coverBehavior({ kind: 'gate', travelSeconds: 20, deviceClass: 'gate' })),
  native(() => mediaPlayerBehavior),
  native(() => vehicleBehavior({ powertrain: 'electric' })),
  native(() => vehicleBehavior({ powertrain: 'combustion' })),
  native(() => washerBehavior()),
  native(() => dishwasherBehavior()),
  native(() => coffeeMachineBehavior()),
  native(() => dryerBehavior()),
  native(() => ovenBehavior()),
  native(() => fanBehavior),
  native(() => temperatureSensorBehavior),
  native(() => leakSensorBehavior),
  native(() => dashButtonBehavior),
  native(() => vacuumBehavior()),
  {
    kind: 'tasmota_plug',
    type: 'switch',
    deviceClass: 'outlet',
    capabilities: ['on_off', 'power'],
    protocol: 'ha-discovery',
    extraTopics: plugExtraTopics,
    create: (options) =>
      new TasmotaPlug({
        id: options.id,
        name: options.name ?? options.id,
        connection: options.connection,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.random ? { random: options.random } : {}),
        ...(options.delay ? { delay: options.delay } : {}),
        ...(options.log ? { log: options.log } : {}),
      }),
  },
];

/** The simulators device type folders bring (device-types/<type>/simulator.ts), loaded only here. */
async function typeKinds(): Promise<DeviceKind[]> {
  const modules = await Promise.all((Object.values(deviceTypes) as DeviceTypeDefinition[]).map((t) => t.simulator?.()));
  return modules.flatMap((m) => m?.behaviors ?? []).map((make) => native(make as () => AnyBehavior));
}

export const deviceKinds: ReadonlyMap<string, DeviceKind> = new Map(
  [...KINDS, ...(await typeKinds())].map((k) => [k.kind, k]),
);

export function kindNames(): string[] {
  return [...deviceKinds.keys()];
}
