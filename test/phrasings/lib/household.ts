/**
 * The held-out household (test/phrasings/household.yaml) read as a name index: which registered device, area and
 * floor a spoken name or alias stands for, so a frame carrying an alias counts the same as one carrying the name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const PHRASINGS_DIR = join(import.meta.dirname, '..');
export const HOUSEHOLD_FILE = join(PHRASINGS_DIR, 'household.yaml');

export interface NamedThing {
  id: string;
  name: string;
  aliases?: string[];
}
export interface HouseholdDevice extends NamedThing {
  type: string;
  area?: string;
  device_class?: string;
}
export interface HouseholdArea extends NamedThing {
  floor?: string;
}
export interface HouseholdFile {
  floors: NamedThing[];
  areas: HouseholdArea[];
  devices: HouseholdDevice[];
}

/** Lower case, one kind of apostrophe, no punctuation, single spaces: how two spellings of one name are compared. */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class Household {
  private readonly deviceNames = new Map<string, Set<string>>();
  private readonly areaNames = new Map<string, string>();
  private readonly floorNames = new Map<string, string>();

  constructor(readonly file: HouseholdFile) {
    for (const d of file.devices)
      for (const said of [d.name, ...(d.aliases ?? [])]) {
        const key = normalizeWords(said);
        this.deviceNames.set(key, (this.deviceNames.get(key) ?? new Set()).add(d.name));
      }
    for (const a of file.areas)
      for (const said of [a.name, ...(a.aliases ?? [])]) this.areaNames.set(normalizeWords(said), a.name);
    for (const f of file.floors)
      for (const said of [f.name, ...(f.aliases ?? [])]) this.floorNames.set(normalizeWords(said), f.name);
  }

  static load(path = HOUSEHOLD_FILE): Household {
    return new Household(parse(readFileSync(path, 'utf8')) as HouseholdFile);
  }

  /** The registered names a spoken device name or alias can mean (several when two rooms share a name). */
  deviceNamesFor(said: string): Set<string> {
    return this.deviceNames.get(normalizeWords(said)) ?? new Set();
  }

  areaNameFor(said: string): string | undefined {
    return this.areaNames.get(normalizeWords(said));
  }

  floorNameFor(said: string): string | undefined {
    return this.floorNames.get(normalizeWords(said));
  }

  areaById(id: string): HouseholdArea | undefined {
    return this.file.areas.find((a) => a.id === id);
  }

  devicesNamed(name: string): HouseholdDevice[] {
    return this.file.devices.filter((d) => d.name === name);
  }

  isDeviceName(name: string): boolean {
    return this.file.devices.some((d) => d.name === name);
  }
}
