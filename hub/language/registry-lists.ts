/**
 * Slot lists built from the live registry: device names and aliases (`name`, plus `vehicle` and `todo`
 * for those device types), area and floor names and aliases. Values are the canonical configured names.
 */
import type { Area, Device } from '../sdk/devices.js';
import type { DeviceService, HouseholdService } from '../devices/contracts.js';
import type { ListValue, SlotListSet } from './slot-lists.js';
import { floorsByOrder } from './floor-order.js';
import { POSITION_WORDS } from './lexicon/parts-en.js';
import { otherRoomNames } from './room-names.js';
import { shortNames } from './short-names.js';
import { nameKey, type DeviceLookup } from './targets.js';

export class RegistrySlotLists implements DeviceLookup {
  private householdFingerprint = '';
  private names = new Map<string, Device[]>();
  private all: Device[] = [];

  constructor(
    private readonly devices: DeviceService,
    private readonly household: HouseholdService,
    private readonly lists: SlotListSet,
  ) {}

  refreshAll(): void {
    this.refreshDevices();
    this.refreshHousehold(true);
  }

  list(): Device[] {
    return this.all;
  }

  byName(spokenKey: string): Device[] {
    return this.names.get(spokenKey) ?? [];
  }

  refreshDevices(): void {
    const all = this.devices.list();
    const names = new Map<string, Device[]>();
    for (const device of all) {
      for (const said of new Set([device.name, ...device.aliases].map(nameKey))) {
        const known = names.get(said);
        if (known) known.push(device);
        else names.set(said, [device]);
      }
    }
    this.all = all;
    this.names = names;
    this.lists.set('name', { kind: 'values', values: all.flatMap(spoken) });
    this.lists.set('vehicle', { kind: 'values', values: all.filter((d) => d.type === 'vehicle').flatMap(spoken) });
    this.lists.set('todo', { kind: 'values', values: all.filter((d) => d.type === 'todo').flatMap(spoken) });
    this.refreshShortNames();
  }

  /**
   * Names said without their type word ("the gas", `name_short`) and rooms called by other names ("the sitting
   * room", `area_other`): read by the tagger only.
   */
  private refreshShortNames(): void {
    const areas = this.household.areas();
    const floors = this.household.floors();
    this.lists.set('name_short', { kind: 'values', values: shortNames(this.all, areas, floors) });
    this.lists.set('area_other', { kind: 'values', values: otherRoomNames(areas, floors, this.all) });
  }

  /**
   * HouseholdService has no change event, so areas and floors are rebuilt whenever their
   * fingerprint changes (a few dozen strings: microseconds per utterance).
   */
  refreshHousehold(force = false): boolean {
    const areas = this.household.areas();
    const floors = this.household.floors();
    const fingerprint = JSON.stringify([areas.map((a) => [a.name, a.aliases]), floors.map((f) => [f.name, f.aliases])]);
    if (!force && fingerprint === this.householdFingerprint) return false;
    this.householdFingerprint = fingerprint;
    this.lists.set('area', { kind: 'values', values: areas.flatMap(spoken) });
    this.lists.set('area_owner', { kind: 'values', values: areas.flatMap(owners) });
    this.lists.set('floor', { kind: 'values', values: [...floors.flatMap(spoken), ...floorsByOrder(floors)] });
    this.refreshShortNames();
    return true;
  }
}

function spoken(item: Pick<Device, 'name' | 'aliases'>): ListValue[] {
  const said = [item.name, ...item.aliases];
  return [...said, ...said.flatMap(reordered)].map((words) => ({ in: words, out: item.name }));
}

/** A two-word name ending in a position word, said the other way round ("Curtain Left" → "left curtain"). */
function reordered(name: string): string[] {
  const words = name.trim().split(/\s+/);
  if (words.length !== 2 || !POSITION_WORDS.has(words[1]!.toLowerCase())) return [];
  return [`${words[1]} ${words[0]}`];
}

/** "Emma's Room": "emma's" before a device names the room ("turn off emma's desk lamp"); the tagger reads it so. */
function owners(area: Pick<Area, 'name' | 'aliases'>): ListValue[] {
  return [area.name, ...area.aliases].flatMap((said) => {
    const owner = /^(\p{L}+)['’]s\s/u.exec(said);
    return owner ? [{ in: owner[1]!, out: area.name }] : [];
  });
}
