/**
 * "The top floor", "the bottom floor": the highest and lowest of the house's floors, told apart by what their names
 * say about their level (lexicon/floors-en.ts). Only when every floor's level is known and one is clearly highest
 * (or lowest), and no floor is already called so. Typed only: the speech grammar keeps the floors as configured.
 */
import type { Floor } from '../sdk/devices.js';
import { BOTTOM_FLOOR_WORDS, FLOOR_LEVEL_WORDS, TOP_FLOOR_WORDS } from './lexicon/floors-en.js';
import { tokenize } from './normalize.js';
import type { ListValue } from './slot-lists.js';

const LEVELS = FLOOR_LEVEL_WORDS.map(([words, level]) => ({ said: ` ${tokenize(words).join(' ')} `, level }));

function levelOf(floor: Floor): number | undefined {
  for (const name of [floor.name, ...floor.aliases]) {
    const said = ` ${tokenize(name).join(' ')} `;
    const found = LEVELS.find((l) => said.includes(l.said));
    if (found) return found.level;
  }
  return undefined;
}

/** The order words as spoken names of the floor they mean. */
export function floorsByOrder(floors: readonly Floor[]): ListValue[] {
  if (floors.length < 2) return [];
  const levels = floors.map(levelOf);
  if (levels.some((l) => l === undefined)) return [];
  const known = levels as number[];
  const said = new Set(floors.flatMap((f) => [f.name, ...f.aliases].map((s) => tokenize(s).join(' '))));
  const out: ListValue[] = [];
  const end = (words: readonly string[], level: number): void => {
    const at = known.filter((l) => l === level).length === 1 ? known.indexOf(level) : -1;
    if (at < 0) return;
    for (const w of words)
      if (!said.has(tokenize(w).join(' '))) out.push({ in: w, out: floors[at]!.name, spoken: false });
  };
  end(TOP_FLOOR_WORDS, Math.max(...known));
  end(BOTTOM_FLOOR_WORDS, Math.min(...known));
  return out;
}
