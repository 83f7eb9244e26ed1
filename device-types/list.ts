/**
 * The one registration list of device types: the registry, the smart-home skill, the language, the dashboard, the
 * Home Assistant discovery driver and the simulator all read the types from it (through device-types/index.ts).
 * Adding a type is its folder (whose index.ts default-exports `defineDeviceType({...})`) plus one line below. Names
 * are Home Assistant's domain names, plus Hearth's `vehicle` and `appliance`; the order is the one lists show.
 *
 * The folders are loaded by device-types/index.ts, not here: this file imports nothing, so the SDK can read the names
 * (`TARGET_SLOTS.domain`) although every folder imports the SDK.
 */
import type { DeviceTypeDefinition } from '../hub/sdk/device-type.js';

export const deviceTypeFolders = {
  light: () => import('./light/index.js'),
  switch: () => import('./switch/index.js'),
  fan: () => import('./fan/index.js'),
  cover: () => import('./cover/index.js'),
  lock: () => import('./lock/index.js'),
  climate: () => import('./climate/index.js'),
  media_player: () => import('./media_player/index.js'),
  vacuum: () => import('./vacuum/index.js'),
  valve: () => import('./valve/index.js'),
  sensor: () => import('./sensor/index.js'),
  binary_sensor: () => import('./binary_sensor/index.js'),
  button: () => import('./button/index.js'),
  scene: () => import('./scene/index.js'),
  script: () => import('./script/index.js'),
  todo: () => import('./todo/index.js'),
  vehicle: () => import('./vehicle/index.js'),
  appliance: () => import('./appliance/index.js'),
  humidifier: () => import('./humidifier/index.js'),
  lawn_mower: () => import('./lawn_mower/index.js'),
} satisfies Record<string, () => Promise<{ default: DeviceTypeDefinition }>>;
