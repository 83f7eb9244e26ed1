/** The drivers the hub ships, in the order the registry tries them (specific before generic). */
import type { DriverDefinition } from '../hub/sdk/index.js';
import { applianceDriver } from './appliance/driver.js';
import { climateDriver } from './climate/driver.js';
import { coverDriver } from './cover/driver.js';
import { haDiscoveryDriver } from './ha-discovery/driver.js';
import { lightDriver } from './light/driver.js';
import { lockDriver } from './lock/driver.js';
import { mediaPlayerDriver } from './media_player/driver.js';
import { nativeDriver } from './native/driver.js';
import { vehicleDriver } from './vehicle/driver.js';

export const builtInDrivers: readonly DriverDefinition[] = [
  lightDriver,
  climateDriver,
  lockDriver,
  coverDriver,
  mediaPlayerDriver,
  vehicleDriver,
  applianceDriver,
  nativeDriver,
  haDiscoveryDriver,
];

export { applianceDriver, climateDriver, coverDriver, haDiscoveryDriver, lightDriver, lockDriver, mediaPlayerDriver, nativeDriver, vehicleDriver };
