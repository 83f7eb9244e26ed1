/**
 * The home `hearth-sim household` runs: by default the furnished example the hub starts with
 * (`config/example-household.yaml`), so the hub and the simulated firmware describe one home with the same ids.
 * Any hub config file with `floors`, `areas` and `devices` works (`--household FILE`); each device gets the simulated
 * firmware its type and device_class call for (`kindFor`). Exported so tests refer to the same ids and names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { HubError } from '../hub/sdk/index.js';
import type { AreaBody, FloorBody } from './hub-client.js';
import { kindForDevice } from './devices/catalog.js';

export interface HouseholdDevice {
  id: string;
  name: string;
  aliases: string[];
  area: string;
  /** A kind from firmware-sim/devices/catalog.ts. */
  kind: string;
  /** The hub's device type and class; the kind's own when absent. */
  type?: string;
  deviceClass?: string;
}

export interface HouseholdDefinition {
  floors: FloorBody[];
  areas: AreaBody[];
  devices: HouseholdDevice[];
}

/** The simulated firmware for a device of the hub's `type` and `device_class`; undefined when there is none. */
export function kindFor(type: string, deviceClass?: string): string | undefined {
  return kindForDevice(type, deviceClass);
}

const named = { id: z.string().min(1), name: z.string().min(1), aliases: z.array(z.string()).default([]) };
// Only the household part of a hub config; the hub itself checks the rest when it starts with the file.
const householdFileSchema = z.object({
  floors: z.array(z.object(named)).default([]),
  areas: z.array(z.object({ ...named, floor: z.string().optional() })).default([]),
  devices: z
    .array(z.object({ ...named, area: z.string().optional(), type: z.string(), device_class: z.string().optional() }))
    .default([]),
});

/** Reads a hub config file's household; every device must have an area and a simulated kind. */
export function loadHousehold(file: string): HouseholdDefinition {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new HubError('CONFIG_INVALID', `cannot read the household in ${file}: ${(err as Error).message}`);
  }
  const parsed = householdFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new HubError(
      'CONFIG_INVALID',
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const problems: string[] = [];
  const devices: HouseholdDevice[] = [];
  for (const d of parsed.data.devices) {
    const kind = kindFor(d.type, d.device_class);
    if (!kind)
      problems.push(
        `device "${d.id}": no simulated firmware for a ${d.type}${d.device_class ? ` (${d.device_class})` : ''}`,
      );
    if (!d.area) problems.push(`device "${d.id}": needs an area`);
    if (!kind || !d.area) continue;
    devices.push({
      id: d.id,
      name: d.name,
      aliases: d.aliases,
      area: d.area,
      kind,
      type: d.type,
      ...(d.device_class ? { deviceClass: d.device_class } : {}),
    });
  }
  if (problems.length) throw new HubError('CONFIG_INVALID', `${file}: ${problems.join('; ')}`);
  const areas = parsed.data.areas.map((a) => ({
    id: a.id,
    name: a.name,
    aliases: a.aliases,
    ...(a.floor ? { floor: a.floor } : {}),
  }));
  return { floors: parsed.data.floors, areas, devices };
}

/** `config/example-household.yaml` of this package, found from here both in the sources and in dist/. */
export const EXAMPLE_HOUSEHOLD_FILE = packageFile(join('config', 'example-household.yaml'));

export const household: HouseholdDefinition = loadHousehold(EXAMPLE_HOUSEHOLD_FILE);

function packageFile(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, relative))) return join(dir, relative);
    const parent = resolve(dir, '..');
    if (parent === dir) throw new HubError('NOT_FOUND', `${relative} is not beside hearth-sim: reinstall the package`);
    dir = parent;
  }
}
