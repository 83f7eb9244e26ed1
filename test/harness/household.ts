/** A household's simulated devices run against a test hub, as `hearth-sim` runs them against a real one. */
import { SimulatedDevice } from '../../firmware-sim/core/simulated-device.js';
import type { HouseholdDefinition } from '../../firmware-sim/household.js';
import { runHousehold, type HouseholdRunOptions, type RunningHousehold } from '../../firmware-sim/household-runner.js';
import { startTestHub, type TestHub } from './hub.js';
import { until, untilValue } from './until.js';

type QuietRunOptions = Omit<HouseholdRunOptions, 'hubUrl' | 'token' | 'definition' | 'print'>;

/**
 * A one-floor home ("ground floor") for tests: each room by its name (its id the name with dashes) with its devices
 * as `[id, name, kind]` (a simulated firmware kind, firmware-sim/devices/catalog.ts).
 */
export function groundFloorHome(
  rooms: Record<string, [id: string, name: string, kind: string][]>,
): HouseholdDefinition {
  const areaId = (room: string) => room.replaceAll(' ', '-');
  return {
    floors: [{ id: 'ground', name: 'ground floor', aliases: [] }],
    areas: Object.keys(rooms).map((room) => ({ id: areaId(room), name: room, aliases: [], floor: 'ground' })),
    devices: Object.entries(rooms).flatMap(([room, devices]) =>
      devices.map(([id, name, kind]) => ({ id, name, aliases: [], area: areaId(room), kind })),
    ),
  };
}

/** Quiet (no line per device); without a definition, hearth-sim's default household. Stop with `.stop()`. */
export function runHouseholdOn(
  hub: Pick<TestHub, 'runtime' | 'token'>,
  definition?: HouseholdDefinition,
  options: QuietRunOptions = {},
): Promise<RunningHousehold> {
  return runHousehold({
    hubUrl: hub.runtime.http.url,
    token: hub.token,
    print: () => undefined,
    ...(definition ? { definition } : {}),
    ...options,
  });
}

/** Waits until GET /devices lists each of `devices` as available, in its area where one is given. */
export async function untilDevicesOnline(
  hub: Pick<TestHub, 'api'>,
  devices: readonly { id: string; area?: string }[],
  timeoutMs = 60_000,
): Promise<void> {
  await untilValue(
    async () => (await hub.api<{ id: string; available: boolean; area?: string }[]>('GET', '/devices')).body,
    (listed) =>
      devices.every((d) =>
        listed.some((x) => x.id === d.id && x.available && (d.area === undefined || x.area === d.area)),
      ),
    `${devices.map((d) => d.id).join(', ')} registered, placed and online`,
    timeoutMs,
  );
}

/** The test hub's `config` (as for startTestHub) and how the household runs (its devices' reply delay…). */
export interface HubWithHouseholdOptions {
  config?: Record<string, unknown>;
  run?: QuietRunOptions;
}

export interface HubWithHousehold {
  hub: TestHub;
  household: RunningHousehold;
}

/**
 * A test hub (`config` as for startTestHub) with `definition`'s devices simulated on its broker, returned once every
 * device is online. Stop the household before the hub.
 */
export async function startHubWithHousehold(
  definition: HouseholdDefinition,
  options: HubWithHouseholdOptions = {},
): Promise<HubWithHousehold> {
  const hub = await startTestHub(options.config ? { config: options.config } : {});
  let household: RunningHousehold | undefined;
  try {
    household = await runHouseholdOn(hub, definition, options.run);
    await untilDevicesOnline(hub, definition.devices);
    return { hub, household };
  } catch (err) {
    await household?.stop();
    await hub.stop();
    throw err;
  }
}

/** The state a simulated device holds itself: what its firmware has, whatever the hub was told. */
export function simulatedState(household: RunningHousehold, id: string): Record<string, unknown> {
  const device = household.devices.get(id);
  if (!(device instanceof SimulatedDevice)) throw new Error(`no simulated device "${id}" in the household`);
  return device.state;
}

/** Waits until the simulated device `id` holds `value` under `key` in its own state. */
export function untilSimulated(household: RunningHousehold, id: string, key: string, value: unknown): Promise<void> {
  return until(
    () => simulatedState(household, id)[key] === value,
    () =>
      `${id}.${key} = ${JSON.stringify(value)} on the device (it is ${JSON.stringify(simulatedState(household, id)[key])})`,
  );
}
