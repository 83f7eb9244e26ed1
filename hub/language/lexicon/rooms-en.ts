/**
 * Rooms people call by more than one name: a household names its room one way ("Living Room") and people say
 * another ("the sitting room", "the lounge"). Each row is one kind of room, every spelling equal.
 */
export const ROOM_NAMES: ReadonlyArray<readonly string[]> = [
  ['living room', 'lounge', 'sitting room', 'front room', 'family room', 'drawing room', 'tv room'],
  ['bedroom', 'master bedroom', 'main bedroom', 'bed room'],
  ['bathroom', 'bath room', 'washroom', 'restroom', 'loo'],
  ['hallway', 'hall', 'entrance hall', 'entryway', 'foyer', 'corridor'],
  ['office', 'study', 'home office', 'work room', 'workroom'],
  ['kids room', 'kids bedroom', 'childrens room', 'nursery'],
  ['kitchen', 'kitchenette'],
  ['dining room', 'dining area'],
  ['laundry', 'laundry room', 'utility room', 'utility'],
  ['garden', 'back garden', 'yard', 'backyard', 'back yard'],
  ['basement', 'cellar'],
];

/** Places outside the house: an area whose name or alias has one of these words is outdoors ("Patio", "Back Garden"). */
export const OUTDOOR_PLACES: ReadonlySet<string> = new Set([
  'garden',
  'yard',
  'backyard',
  'frontyard',
  'patio',
  'porch',
  'balcony',
  'deck',
  'terrace',
  'veranda',
  'verandah',
  'driveway',
  'drive',
  'lawn',
  'pool',
  'courtyard',
  'outside',
  'outdoors',
]);

/** Said before a class word for its devices outdoors or indoors ("the outdoor lights", "all the inside lamps"). */
export const SIDE_WORDS: Readonly<Record<string, 'outdoors' | 'indoors'>> = {
  outdoor: 'outdoors',
  outdoors: 'outdoors',
  outside: 'outdoors',
  exterior: 'outdoors',
  external: 'outdoors',
  garden: 'outdoors',
  indoor: 'indoors',
  indoors: 'indoors',
  inside: 'indoors',
  interior: 'indoors',
  internal: 'indoors',
};
