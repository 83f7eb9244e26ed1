/**
 * Intent + registry → the device ids it is about: by name or alias, area, floor, domain and device_class.
 * When a name fits several devices (and the area does not settle it) the result lists them so the
 * caller can ask "which one?".
 */
import type { Device } from '../sdk/devices.js';
import type { Intent } from '../sdk/intents.js';
import type { IntentTargets } from '../sdk/intent-declaration.js';
import type { HouseholdService } from '../devices/contracts.js';
import { tokenize } from './normalize.js';
import type { DeviceTypeDefinition } from '../sdk/device-type.js';
import { deviceTypes } from '../../device-types/index.js';

/** What target resolution needs of the registry: a list, and a lookup by normalised name or alias. */
export interface DeviceLookup {
  list(): Device[];
  /** Devices whose name or an alias normalises to `spokenKey` (see `nameKey`). */
  byName(spokenKey: string): Device[];
}

export interface TargetCandidate {
  id: string;
  name: string;
  area?: string;
}

export interface TargetResolution {
  targets: string[];
  ambiguity?: { slot: 'name'; value: string; candidates: TargetCandidate[] };
  /** Why nothing matched, when nothing did. */
  problem?: 'no_such_name' | 'no_such_area' | 'no_such_floor' | 'no_matching_devices';
}

/** The types a class word's domain means: itself and the types that answer as it (covers include valves, device-types/valve). */
const FAMILIES = new Map<string, string[]>();
for (const [name, type] of Object.entries(deviceTypes) as [string, DeviceTypeDefinition][]) {
  for (const other of type.answersAs ?? []) FAMILIES.set(other, [...(FAMILIES.get(other) ?? [other]), name]);
}
const domainFamily = (domain: string): readonly string[] => FAMILIES.get(domain) ?? [domain];

export const nameKey = (text: string): string => tokenize(text).join(' ');
const key = nameKey;

/**
 * `targets` is what the intent's declaration says it acts on (IntentDeclaration.targets); an intent nobody declared
 * (only a custom sentence file names it) is resolved from its slots alone.
 */
export function resolveTargets(
  intent: Intent,
  targets: IntentTargets | undefined,
  devices: DeviceLookup,
  household: HouseholdService,
): TargetResolution {
  if (targets === 'none') return { targets: [] };
  const slots = intent.slots;
  const areas = household.areas();
  let areaIds: Set<string> | undefined;
  if (typeof slots.area === 'string') {
    const wanted = key(slots.area);
    const area = areas.find((a) => [a.name, ...a.aliases].some((n) => key(n) === wanted) || a.id === slots.area);
    if (!area) return { targets: [], problem: 'no_such_area' };
    areaIds = new Set([area.id]);
  } else if (typeof slots.floor === 'string') {
    const wanted = key(slots.floor);
    const floor = household
      .floors()
      .find((f) => [f.name, ...f.aliases].some((n) => key(n) === wanted) || f.id === slots.floor);
    if (!floor) return { targets: [], problem: 'no_such_floor' };
    areaIds = new Set(areas.filter((a) => a.floor === floor.id).map((a) => a.id));
  }
  const declared = targets?.domains.length ? targets.domains : undefined;
  const domain: readonly string[] | undefined =
    typeof slots.domain === 'string' ? domainFamily(slots.domain) : declared;
  const deviceClass = typeof slots.device_class === 'string' ? slots.device_class : undefined;
  const fits = (d: Device): boolean =>
    (!domain || domain.includes(d.type)) && (!deviceClass || d.deviceClass === deviceClass);

  if (typeof slots.name === 'string') {
    const named = devices.byName(key(slots.name));
    if (named.length === 0) return { targets: [], problem: 'no_such_name' };
    const nameDomains = targets?.nameDomains;
    let pool = named.filter(
      (d) => fits(d) && (!nameDomains || typeof slots.domain === 'string' || nameDomains.includes(d.type)),
    );
    if (pool.length === 0) return { targets: [], problem: 'no_matching_devices' };
    if (pool.length > 1 && areaIds) {
      const inArea = pool.filter((d) => d.area !== undefined && areaIds.has(d.area));
      if (inArea.length > 0) pool = inArea;
    }
    if (pool.length > 1 && slots.all !== true) {
      return { targets: [], ambiguity: { slot: 'name', value: slots.name, candidates: pool.map(candidate) } };
    }
    return { targets: pool.map((d) => d.id) };
  }
  if (!areaIds && !domain && !deviceClass) return { targets: [] };
  const matches = devices.list().filter((d) => fits(d) && (!areaIds || (d.area !== undefined && areaIds.has(d.area))));
  return matches.length > 0 ? { targets: matches.map((d) => d.id) } : { targets: [], problem: 'no_matching_devices' };
}

function candidate(d: Device): TargetCandidate {
  return d.area === undefined ? { id: d.id, name: d.name } : { id: d.id, name: d.name, area: d.area };
}
