/**
 * Which list a request means. The shopping list always exists; a to-do list device is named by `name`; a list the
 * household made by voice ("make a camping list") by `list_name`, and it exists only once it was made. The names
 * of made lists are kept in the skill's storage, each list's items under `list:<name>`.
 */
import type { Intent, SkillStorage } from '../../hub/sdk/index.js';

const MADE_KEY = 'lists:made';
/** Words for the shopping list ("my grocery list", "the groceries list"). */
const SHOPPING_NAMES = new Set(['shopping', 'grocery', 'groceries', 'shopping list', 'grocery list']);

export type ListChoice = { known: true; name: string } | { known: false; name: string };

/** A list's name as said, without "list" and the case: "Camping List" → "camping". */
export const listKey = (said: string) =>
  said
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+list$/, '')
    .trim()
    .replace(/\s+/g, ' ');

export async function madeLists(storage: SkillStorage): Promise<string[]> {
  return (await storage.get<string[]>(MADE_KEY)) ?? [];
}

/** Keeps a new list's name; false when a list of that name is there already (the shopping list included). */
export async function makeList(storage: SkillStorage, said: string): Promise<boolean> {
  const name = listKey(said);
  const made = await madeLists(storage);
  if (SHOPPING_NAMES.has(name) || made.includes(name)) return false;
  await storage.set(MADE_KEY, [...made, name]);
  return true;
}

/** The list the intent's slots name: the shopping list when none is named. */
export async function listFor(intent: Intent, storage: SkillStorage): Promise<ListChoice> {
  const { name, list_name } = intent.slots;
  if (typeof name === 'string') return { known: true, name: listKey(name) };
  if (typeof list_name !== 'string') return { known: true, name: 'shopping' };
  const said = listKey(list_name);
  if (SHOPPING_NAMES.has(said)) return { known: true, name: 'shopping' };
  return { known: (await madeLists(storage)).includes(said), name: said };
}
