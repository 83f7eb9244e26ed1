/**
 * "The outdoor lights", "all the interior lamps": the devices of a class on one side of the house's walls. An area is
 * outdoors when a word of its name or aliases names a place outside ("Patio", "Back Garden"); every other area is
 * indoors. Home Assistant's frame has no such slot: the frame names the class, the targets are that side's devices.
 */
import type { Area, Device } from '../sdk/devices.js';
import { OUTDOOR_PLACES, SIDE_WORDS } from './lexicon/rooms-en.js';
import { tokenize } from './normalize.js';
import type { SlotListSet } from './slot-lists.js';
import { tagRequest } from './parts/tagger.js';

export type Side = 'outdoors' | 'indoors';

/** The side said before a class word, if any (the tagger reads it only there). */
export function sideSaid(tokens: readonly string[], lists: SlotListSet): Side | undefined {
  if (!tokens.some((t) => SIDE_WORDS[t])) return undefined;
  const part = tagRequest(tokens, lists).parts.find((p) => p.kind === 'side');
  return part?.kind === 'side' ? part.side : undefined;
}

/** The devices among `ids` in an area on that side. */
export function onSide(
  side: Side,
  ids: readonly string[],
  devices: readonly Pick<Device, 'id' | 'area'>[],
  areas: readonly Pick<Area, 'id' | 'name' | 'aliases'>[],
): string[] {
  const outdoors = new Set(
    areas
      .filter((a) => [a.name, ...a.aliases].some((n) => tokenize(n).some((w) => OUTDOOR_PLACES.has(w))))
      .map((a) => a.id),
  );
  const areaOf = new Map(devices.map((d) => [d.id, d.area]));
  return ids.filter((id) => {
    const area = areaOf.get(id);
    return area !== undefined && outdoors.has(area) === (side === 'outdoors');
  });
}
