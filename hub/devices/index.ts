/** The device layer: registry + command dispatch, floors and areas, Home Assistant discovery ingest. */
import type { SeedConfig } from './seed-types.js';
import type { DeviceRegistry } from './registry.js';
import type { Household } from './household.js';

export { DeviceRegistry } from './registry.js';
export { Household } from './household.js';
export type { SeedConfig } from './seed-types.js';
export { builtInDrivers } from '../../device-drivers/index.js';
export type * from './contracts.js';

/**
 * Makes the config's floors, areas and devices true (call after both services started):
 * config entries are overwritten each start; API and discovery entries are left alone.
 */
export function seedFromConfig(config: SeedConfig, services: { household: Household; devices: DeviceRegistry }): void {
  services.household.seedFromConfig(config);
  services.devices.seedFromConfig(config);
}
