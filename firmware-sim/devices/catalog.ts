import type { DeviceType, DeviceTypeDefinition, SimulatorModule } from '../../hub/sdk/index.js';
import { deviceTypes } from '../../device-types/index.js';
import type { AnyBehavior, SimState } from '../core/behavior.js';
import type { FirmwareOptions } from '../core/firmware-link.js';
import { SimulatedDevice, type RunnableDevice } from '../core/simulated-device.js';
import { TasmotaPlug } from './tasmota-plug/device.js';
import { plugExtraTopics } from './tasmota-plug/discovery.js';

export interface CreateDeviceOptions extends FirmwareOptions {
  name?: string;
  initialState?: SimState;
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

/** Firmware that is not a type's own simulator: a third-party plug announcing itself with HA discovery. */
const OTHER_KINDS: DeviceKind[] = [
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

/** Each type's simulator module (device-types/<type>/simulator.ts), loaded only here. */
const modules = new Map<string, SimulatorModule>(
  (
    await Promise.all(
      (Object.entries(deviceTypes) as [string, DeviceTypeDefinition][]).map(
        async ([name, t]) => [name, await t.simulator?.()] as const,
      ),
    )
  ).flatMap(([name, m]) => (m ? [[name, m] as [string, SimulatorModule]] : [])),
);

/** The simulated devices: every type's kinds in the registration list's order, then the other firmware. */
export const deviceKinds: ReadonlyMap<string, DeviceKind> = new Map(
  [
    ...[...modules.values()].flatMap((m) => m.behaviors.map((make) => native(make as () => AnyBehavior))),
    ...OTHER_KINDS,
  ].map((k) => [k.kind, k]),
);

export function kindNames(): string[] {
  return [...deviceKinds.keys()];
}

/**
 * The simulated firmware for a household device of the hub's `type` and `device_class` (the type's `kindFor`, else
 * the kind of that class, else without a class the type's first kind); undefined when there is none.
 */
export function kindForDevice(type: string, deviceClass?: string): string | undefined {
  const module = modules.get(type);
  if (!module) return undefined;
  if (module.kindFor) return module.kindFor(deviceClass);
  const kinds = [...deviceKinds.values()].filter((k) => k.type === type && k.protocol === 'hearth');
  return (deviceClass ? kinds.find((k) => k.deviceClass === deviceClass) : kinds[0])?.kind;
}
