import type { DeviceTypeName } from '../../device-types/index.js';

/** A device type's name: one of the folders listed in device-types/index.ts (Home Assistant's domain names, plus `vehicle` and `appliance`). */
export type DeviceType = DeviceTypeName;

/** Setpoints a Hearth native thermostat accepts, in °C (Home Assistant's climate default is 7–35). */
export const CLIMATE_SETPOINT_C = { min: 5, max: 35 } as const;

/** A device's last known state: flat attributes, as the device reported them. */
export type DeviceState = Record<string, unknown>;

export interface Floor {
  id: string;
  name: string;
  aliases: string[];
}

export interface Area {
  id: string;
  name: string;
  aliases: string[];
  floor?: string;
}

/** Where a device came from: the household config, the API/CLI, or Home Assistant discovery. */
export type DeviceOrigin = 'config' | 'api' | 'discovery';

export interface Device {
  id: string;
  name: string;
  aliases: string[];
  area?: string;
  type: DeviceType;
  deviceClass?: string;
  /** Driver that speaks this device's protocol (`hearth` native, `ha-discovery`, …). */
  driver: string;
  /** Driver-specific settings, e.g. the Home Assistant discovery config with abbreviations expanded. */
  driverConfig?: Record<string, unknown>;
  origin: DeviceOrigin;
  /** Capabilities the device supports, e.g. `on_off`, `brightness`, `color`, `position`, `temperature`. */
  capabilities: string[];
  state: DeviceState;
  available: boolean;
  lastSeen?: string;
}

/** A command to a device, the same for every driver: the driver translates it to its protocol. */
export interface DeviceCommand {
  /** e.g. `turn_on`, `turn_off`, `toggle`, `set_brightness`, `set_temperature`, `lock`, `open`, `media_pause`… */
  command: string;
  params?: Record<string, unknown>;
}
