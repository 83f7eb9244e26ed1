/**
 * The one registration list of device types: the registry, the smart-home skill, the language, the dashboard, the
 * Home Assistant discovery driver and the simulator all read the types from it (through device-types/index.ts).
 * Adding a type is its folder plus one line below. Names are Home Assistant's domain names, plus Hearth's `vehicle`
 * and `appliance`; the order is the one lists show.
 */
import type { DeviceTypeDefinition } from '../hub/sdk/index.js';
import { appliance } from './appliance/index.js';
import { binarySensor } from './binary_sensor/index.js';
import { button } from './button/index.js';
import { climate } from './climate/index.js';
import { cover } from './cover/index.js';
import { fan } from './fan/index.js';
import { humidifier } from './humidifier/index.js';
import { lawnMower } from './lawn_mower/index.js';
import { light } from './light/index.js';
import { lock } from './lock/index.js';
import { mediaPlayer } from './media_player/index.js';
import { scene } from './scene/index.js';
import { script } from './script/index.js';
import { sensor } from './sensor/index.js';
import { switchType } from './switch/index.js';
import { todo } from './todo/index.js';
import { vacuum } from './vacuum/index.js';
import { valve } from './valve/index.js';
import { vehicle } from './vehicle/index.js';

export const deviceTypes = {
  light,
  switch: switchType,
  fan,
  cover,
  lock,
  climate,
  media_player: mediaPlayer,
  vacuum,
  valve,
  sensor,
  binary_sensor: binarySensor,
  button,
  scene,
  script,
  todo,
  vehicle,
  appliance,
  humidifier,
  lawn_mower: lawnMower,
} satisfies Record<string, DeviceTypeDefinition>;
