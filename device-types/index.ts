/**
 * The device types, read from the registration list (device-types/list.ts): names, lookup, command vocabulary.
 * Code outside device-types/ reads the types from here.
 */
import type { DeviceTypeDefinition } from '../hub/sdk/index.js';
import { deviceTypeFolders } from './list.js';

export type DeviceTypeName = keyof typeof deviceTypeFolders;

export const DEVICE_TYPES = Object.keys(deviceTypeFolders) as [DeviceTypeName, ...DeviceTypeName[]];

/** Every registered type's definition, in registration-list order. */
export const deviceTypes = Object.fromEntries(
  await Promise.all(DEVICE_TYPES.map(async (name) => [name, (await deviceTypeFolders[name]()).default] as const)),
) as Readonly<Record<DeviceTypeName, DeviceTypeDefinition>>;

export function deviceTypeOf(name: string): DeviceTypeDefinition | undefined {
  return Object.hasOwn(deviceTypes, name) ? deviceTypes[name as DeviceTypeName] : undefined;
}

/** The command vocabulary of a type (what its native devices are sent); [] for an unknown type. */
export function commandsOf(name: string): string[] {
  return Object.keys(deviceTypeOf(name)?.commands ?? {});
}

/** Whether devices of the type play media (a `playback` capability): what the media skill may reach. */
export function playsMedia(name: string): boolean {
  return deviceTypeOf(name)?.capabilities.some((c) => c.kind === 'playback') ?? false;
}

export interface DeviceWord {
  word: string;
  domain: DeviceTypeName;
  /** Set when the word names a class of the type ("shutters"). */
  deviceClass?: string;
  /** The type's words are common in titles too (`alsoInTitles`): a search for something to play may contain it. */
  alsoInTitles?: true;
}

/** Every type's nouns (`words` in its folder), in registration-list order. */
export const DEVICE_WORDS: readonly DeviceWord[] = DEVICE_TYPES.flatMap((domain) => {
  const words = deviceTypes[domain].words;
  const inTitles = words?.alsoInTitles ? { alsoInTitles: true as const } : {};
  return [
    ...(words?.type ?? []).map((word) => ({ word, domain, ...inTitles })),
    ...Object.entries(words?.classes ?? {}).flatMap(([deviceClass, list]) =>
      list.map((word) => ({ word, domain, deviceClass, ...inTitles })),
    ),
  ];
});
