/**
 * The device types, read from the registration list (device-types/list.ts): names, lookup, command vocabulary.
 * Code outside device-types/ reads the types from here.
 */
import type { DeviceTypeDefinition } from '../hub/sdk/index.js';
import { deviceTypes } from './list.js';

export { deviceTypes };

export type DeviceTypeName = keyof typeof deviceTypes;

export const DEVICE_TYPES = Object.keys(deviceTypes) as [DeviceTypeName, ...DeviceTypeName[]];

export function deviceTypeOf(name: string): DeviceTypeDefinition | undefined {
  return Object.hasOwn(deviceTypes, name) ? deviceTypes[name as DeviceTypeName] : undefined;
}

/** The command vocabulary of a type (what its native devices are sent); [] for an unknown type. */
export function commandsOf(name: string): string[] {
  return Object.keys(deviceTypeOf(name)?.commands ?? {});
}
