/**
 * The drivers the hub ships, in the order the registry tries them (specific before generic): a native driver per
 * device type that declares one (device-types/<type>/: `nativeDriver: true`), the generic native driver for the
 * other types, and Home Assistant discovery.
 */
import {
  defineNativeDriver,
  type DeviceType,
  type DeviceTypeDefinition,
  type DriverDefinition,
} from '../hub/sdk/index.js';
import { deviceTypes } from '../device-types/index.js';
import { haDiscoveryDriver } from './ha-discovery/driver.js';
import { nativeDriver } from './native/driver.js';
import { genericStateSchema } from './native/protocol.js';

export const builtInDrivers: readonly DriverDefinition[] = [...typeDrivers(), nativeDriver, haDiscoveryDriver];

export { haDiscoveryDriver, nativeDriver };

/** A native driver for each device type that asks for one (`nativeDriver: true`): its folder's commands, state and events. */
function typeDrivers(): DriverDefinition[] {
  return (Object.entries(deviceTypes) as [DeviceType, DeviceTypeDefinition][]).flatMap(([name, type]) => {
    if (!type.nativeDriver) return [];
    return [
      defineNativeDriver({
        name,
        types: [name],
        stateSchema: () => type.state ?? genericStateSchema,
        commands: () => type.commands,
        ...(type.events ? { eventSchemas: type.events } : {}),
      }),
    ];
  });
}
