/**
 * How people place a floor in the house by its name ("the basement", "upstairs", "the attic"), so "the top floor" and
 * "the bottom floor" find the right one in a house whose floors have no level configured.
 */

/** Words of a floor's name or alias and the level they put it at (0: the floor at street level). */
export const FLOOR_LEVEL_WORDS: ReadonlyArray<readonly [words: string, level: number]> = [
  ['basement', -1],
  ['cellar', -1],
  ['lower ground', -1],
  ['lower level', -1],
  ['ground', 0],
  ['downstairs', 0],
  ['main floor', 0],
  ['main level', 0],
  ['entry level', 0],
  ['street level', 0],
  ['first', 1],
  ['1st', 1],
  ['upstairs', 1],
  ['upper floor', 1],
  ['upper level', 1],
  ['second', 2],
  ['2nd', 2],
  ['third', 3],
  ['3rd', 3],
  ['attic', 9],
  ['loft', 9],
];

/** Said for the highest floor of the house. */
export const TOP_FLOOR_WORDS: readonly string[] = [
  'top floor',
  'top level',
  'top storey',
  'highest floor',
  'uppermost floor',
  'upper most floor',
];
/** Said for the lowest floor of the house. */
export const BOTTOM_FLOOR_WORDS: readonly string[] = ['bottom floor', 'bottom level', 'lowest floor', 'lowest level'];
