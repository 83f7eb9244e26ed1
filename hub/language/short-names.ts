/**
 * Names said without their type word: "the gas" for Gas Valve, "the back lawn" for Back Lawn Sprinkler, for the types
 * whose `words` say people do so (`namedWithoutKind`). A short form is kept only when it names one device and is no
 * other name, area or floor, and is not a lone position word ("front" of Front Sprinkler). The tagger reads them as
 * names; they are no sentence's list, so the spoken grammar does not grow.
 */
import { deviceTypes, DEVICE_WORDS } from '../../device-types/index.js';
import type { Area, Device, DeviceType, Floor } from '../sdk/devices.js';
import { POSITION_WORDS } from './lexicon/parts-en.js';
import { tokenize } from './normalize.js';
import { FUNCTION_WORDS } from './parts/function-words.js';
import type { ListValue } from './slot-lists.js';

const kindWords = new Map<DeviceType, string[][]>();
for (const { word, domain } of DEVICE_WORDS) {
  const known = kindWords.get(domain) ?? [];
  known.push(tokenize(word));
  kindWords.set(domain, known);
}

/** What is asked of a type's devices ("water the lawn"): such a word is no short name ("water" of Water Valve). */
function cueWords(type: DeviceType): Set<string> {
  const cues = Object.values(deviceTypes[type]?.moreCues ?? {}).flat();
  return new Set(cues.map((cue) => tokenize(typeof cue === 'string' ? cue : cue.words).join(' ')));
}

export function shortNames(
  devices: readonly Pick<Device, 'name' | 'aliases' | 'type'>[],
  areas: readonly Pick<Area, 'name' | 'aliases'>[],
  floors: readonly Pick<Floor, 'name' | 'aliases'>[],
): ListValue[] {
  const said = (item: Pick<Device, 'name' | 'aliases'>) =>
    [item.name, ...item.aliases].map((s) => tokenize(s).join(' '));
  const taken = new Set([...devices, ...areas, ...floors].flatMap(said));
  const owners = new Map<string, Set<string>>();
  for (const device of devices) {
    if (!deviceTypes[device.type]?.words?.namedWithoutKind) continue;
    const asked = cueWords(device.type);
    for (const words of [device.name, ...device.aliases].map((said) => tokenize(said))) {
      const short = withoutKindWord(words, kindWords.get(device.type) ?? []);
      if (!short || taken.has(short.join(' ')) || asked.has(short.join(' '))) continue;
      if (short.every((w) => FUNCTION_WORDS.has(w)) || (short.length === 1 && POSITION_WORDS.has(short[0]!))) continue;
      const key = short.join(' ');
      owners.set(key, (owners.get(key) ?? new Set()).add(device.name));
    }
  }
  return [...owners].filter(([, names]) => names.size === 1).map(([key, names]) => ({ in: key, out: [...names][0]! }));
}

/** The name's words before a type word it ends with ("front lawn sprinkler" → "front lawn"). */
function withoutKindWord(words: readonly string[], kinds: readonly string[][]): string[] | undefined {
  for (const kind of kinds) {
    const start = words.length - kind.length;
    if (start > 0 && kind.every((w, i) => words[start + i] === w)) return words.slice(0, start);
  }
  return undefined;
}
