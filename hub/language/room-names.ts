/**
 * Other names of the household's rooms (lexicon/rooms-en.ts): "the sitting room" for the area named "Living Room".
 * A name is kept only when it is no name, alias or floor of the house already and it names one area. The tagger
 * reads them as areas; they are no sentence's list, so the spoken grammar does not grow.
 */
import type { Area, Device, Floor } from '../sdk/devices.js';
import { ROOM_NAMES } from './lexicon/rooms-en.js';
import { tokenize } from './normalize.js';
import type { ListValue } from './slot-lists.js';

type Named = Pick<Device, 'name' | 'aliases'>;

export function otherRoomNames(
  areas: readonly Pick<Area, 'name' | 'aliases'>[],
  floors: readonly Pick<Floor, 'name' | 'aliases'>[],
  devices: readonly Named[],
): ListValue[] {
  const said = (item: Named) => [item.name, ...item.aliases].map((s) => tokenize(s).join(' '));
  const taken = new Set([...areas, ...floors, ...devices].flatMap(said));
  const owners = new Map<string, Set<string>>();
  for (const area of areas) {
    const names = new Set(said(area));
    for (const row of ROOM_NAMES) {
      if (!row.some((name) => names.has(name))) continue;
      for (const other of row)
        if (!taken.has(other)) owners.set(other, (owners.get(other) ?? new Set()).add(area.name));
    }
  }
  return [...owners].filter(([, areas]) => areas.size === 1).map(([key, areas]) => ({ in: key, out: [...areas][0]! }));
}
