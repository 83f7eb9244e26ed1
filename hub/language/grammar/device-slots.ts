/**
 * Numbers and words the household's devices can act on, for the spoken grammar: with only Hearth
 * thermostats (5–35 °C) the recogniser has no reason to hear "eighty two degrees", a frequent
 * mishearing of "eighteen", and without an awning "open the living room awning" cannot do anything
 * but steal "blinds". Typed commands keep the language's full lists and get the usual answer.
 * Each device type says what its devices narrow (`grammar` in device-types/<type>/).
 */
import type { Device } from '../../sdk/devices.js';
import type { DeviceTypeDefinition } from '../../sdk/device-type.js';
import { deviceTypeOf, deviceTypes } from '../../../device-types/index.js';

export interface SlotRange {
  from: number;
  to: number;
}

/** Slot list name → the range the devices accept; lists no device narrows are not in the result. */
export function deviceSlotRanges(devices: readonly Device[]): Record<string, SlotRange> {
  const ranges: Record<string, SlotRange> = {};
  for (const device of devices) {
    for (const [list, r] of Object.entries(deviceTypeOf(device.type)?.grammar?.ranges?.(device) ?? {})) {
      const seen = ranges[list];
      ranges[list] = seen
        ? { from: Math.min(seen.from, r.from), to: Math.max(seen.to, r.to) }
        : { from: r.from, to: r.to };
    }
  }
  return ranges;
}

/** Value list name → the values (`out`) some device has; e.g. cover classes ("blind", "garage"). */
export function deviceSlotValues(devices: readonly Device[]): Record<string, string[]> {
  const values: Record<string, Set<string>> = {};
  for (const [name, type] of Object.entries(deviceTypes) as [string, DeviceTypeDefinition][]) {
    for (const [list, of] of Object.entries(type.grammar?.values ?? {})) {
      values[list] ??= new Set();
      for (const device of devices) {
        const value = device.type === name ? of(device) : undefined;
        if (value) values[list].add(value);
      }
    }
  }
  return Object.fromEntries(Object.entries(values).map(([list, set]) => [list, [...set]]));
}
