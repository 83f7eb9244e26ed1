/** The drivers the hub ships, in the order the registry tries them (specific before generic). */
import {
  defineNativeDriver,
  type DeviceType,
  type DeviceTypeDefinition,
  type DriverDefinition,
} from '../hub/sdk/index.js';
import { deviceTypes } from '../device-types/index.js';
import { applianceDriver } from './appliance/driver.js';
import { climateDriver } from './climate/driver.js';
import { coverDriver } from './cover/driver.js';
import { haDiscoveryDriver } from './ha-discovery/driver.js';
import { lightDriver } from './light/driver.js';
import { lockDriver } from './lock/driver.js';
import { mediaPlayerDriver } from './media_player/driver.js';
import { nativeDriver } from './native/driver.js';
import { genericStateSchema } from './native/protocol.js';
import { vehicleDriver } from './vehicle/driver.js';

export const builtInDrivers: readonly DriverDefinition[] = [
  lightDriver,
  climateDriver,
  lockDriver,
  coverDriver,
  mediaPlayerDriver,
  vehicleDriver,
  applianceDriver,
  ...typeDrivers(),
  nativeDriver,
  haDiscoveryDriver,
];

export {
  applianceDriver,
  climateDriver,
  coverDriver,
  haDiscoveryDriver,
  lightDriver,
  lockDriver,
  mediaPlayerDriver,
  nativeDriver,
  vehicleDriver,
};

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
