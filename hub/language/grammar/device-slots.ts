/**
 * Numbers and words the household's devices can act on, for the spoken grammar: with only Hearth
 * thermostats (5–35 °C) the recogniser has no reason to hear "eighty two degrees", a frequent
 * mishearing of "eighteen", and without an awning "open the living room awning" cannot do anything
 * but steal "blinds". Typed commands keep the language's full lists and get the usual answer.
 */
import { CLIMATE_SETPOINT_C, type Device } from '../../sdk/devices.js';

export interface SlotRange {
  from: number;
  to: number;
}

/** Home Assistant's climate defaults when a discovery config does not give min_temp/max_temp. */
const HA_CLIMATE_DEFAULT = { C: { min: 7, max: 35 }, F: { min: 45, max: 95 } } as const;

function setpointRange(device: Device): SlotRange {
  const config = device.driverConfig ?? {};
  if (device.driver !== 'ha-discovery') return { from: CLIMATE_SETPOINT_C.min, to: CLIMATE_SETPOINT_C.max };
  const defaults = config.temperature_unit === 'F' ? HA_CLIMATE_DEFAULT.F : HA_CLIMATE_DEFAULT.C;
  const min = typeof config.min_temp === 'number' ? config.min_temp : defaults.min;
  const max = typeof config.max_temp === 'number' ? config.max_temp : defaults.max;
  return { from: Math.floor(min), to: Math.ceil(max) };
}

/** Slot list name → the range the devices accept; lists no device narrows are not in the result. */
export function deviceSlotRanges(devices: readonly Device[]): Record<string, SlotRange> {
  const thermostats = devices.filter((d) => d.type === 'climate').map(setpointRange);
  if (thermostats.length === 0) return {};
  return { temperature: { from: Math.min(...thermostats.map((r) => r.from)), to: Math.max(...thermostats.map((r) => r.to)) } };
}

/** Value list name → the values (`out`) some device has; e.g. cover classes ("blind", "garage"). */
export function deviceSlotValues(devices: readonly Device[]): Record<string, string[]> {
  const coverClasses = new Set(devices.filter((d) => d.type === 'cover' && d.deviceClass).map((d) => d.deviceClass!));
  return { cover_class: [...coverClasses] };
}
