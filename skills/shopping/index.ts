/** The shopping list, the to-do lists and the lists made by voice, kept in the skill's own storage. */
import { defineSkill, parseYesNo, type Intent, type SkillContext, type SkillResponse } from '../../hub/sdk/index.js';
import { shoppingIntents } from './intents/index.js';
import { listFor, listKey, madeLists, makeList } from './made-lists.js';

interface ListItem {
  item: string;
  done: boolean;
}

export default defineSkill({
  id: 'shopping-list',
  version: '1.0.0',
  description: 'Adds things to the shopping list and other lists, ticks them off and reads them out.',
  permissions: ['storage'],
  intents: shoppingIntents,

  async handle(intent, ctx) {
    if (intent.name === 'HearthListCreate') return createList(intent, ctx);
    if (intent.name === 'HearthListRead' && intent.slots.lists === 'all')
      return { reply: `Your lists: ${['shopping', ...(await madeLists(ctx.storage))].join(', ')}.` };
    const list = await listFor(intent, ctx.storage);
    if (!list.known) return unknownList(intent, list.name, ctx);
    return onList(intent, list.name, ctx);
  },

  async followUp(text, state, ctx) {
    const { intent, listName } = state as MakeListState;
    const answer = parseYesNo(text);
    if (answer === undefined) return undefined;
    if (answer === 'no') return { reply: `OK, no ${listName} list.` };
    await makeList(ctx.storage, listName);
    return onList(intent, listName, ctx);
  },
});

/** "Add tent to the camping list" before there is one: asked whether to make it, then added. */
interface MakeListState {
  intent: Intent;
  listName: string;
}

async function createList(intent: Intent, ctx: SkillContext): Promise<SkillResponse> {
  const said = intent.slots.list_name;
  if (typeof said !== 'string' || !listKey(said))
    return { reply: 'What should the new list be called? Say for example "make a list called camping".' };
  const name = listKey(said);
  if (!(await makeList(ctx.storage, name))) return { reply: `You already have a ${name} list.` };
  return {
    reply: `I made your ${name} list. Say for example "add tent to the ${name} list".`,
    actions: [{ type: 'list_created', list: name }],
  };
}

async function unknownList(intent: Intent, name: string, ctx: SkillContext): Promise<SkillResponse> {
  const item = typeof intent.slots.item === 'string' ? intent.slots.item.trim() : '';
  if (intent.name === 'HassListAddItem' && item)
    return {
      reply: `You don't have a ${name} list. Shall I make one and add ${item} to it?`,
      followUp: { state: { intent, listName: name } satisfies MakeListState, expect: { yesNo: true } },
    };
  const made = await madeLists(ctx.storage);
  return { reply: `You don't have a ${name} list. Your lists: ${['shopping', ...made].join(', ')}.` };
}

/** Adds, ticks off, reads or clears items of a list that exists. */
async function onList(intent: Intent, listName: string, ctx: SkillContext): Promise<SkillResponse> {
  const key = `list:${listName}`;
  const items = (await ctx.storage.get<ListItem[]>(key)) ?? [];
  const item = typeof intent.slots.item === 'string' ? intent.slots.item.trim() : '';
  switch (intent.name) {
    case 'HassShoppingListAddItem':
    case 'HassListAddItem': {
      if (!item) return { reply: 'What should I add?' };
      const existing = items.find((i) => sameItem(i.item, item));
      if (existing && !existing.done) return { reply: `${capital(item)} is already on your ${listName} list.` };
      if (existing) existing.done = false;
      else items.push({ item, done: false });
      await save(ctx, key, items);
      return {
        reply: `Added ${item} to your ${listName} list.`,
        actions: [{ type: 'list_item_added', list: listName, item }],
      };
    }
    case 'HassShoppingListCompleteItem':
    case 'HassListCompleteItem': {
      const position = intent.slots.position;
      if (typeof position === 'number') return completeAt(position, items, listName, ctx, key);
      const found = items.find((i) => sameItem(i.item, item) && !i.done);
      if (!found) return { reply: `${capital(item)} isn't on your ${listName} list.` };
      found.done = true;
      await save(ctx, key, items);
      return { reply: `Checked off ${found.item}.` };
    }
    case 'HearthListRead': {
      const open = items.filter((i) => !i.done).map((i) => i.item);
      if (!open.length) return { reply: `Your ${listName} list is empty.` };
      return { reply: `On your ${listName} list: ${open.join(', ')}.` };
    }
    case 'HearthListClear': {
      const open = items.filter((i) => !i.done);
      if (!open.length) return { reply: `Your ${listName} list is already empty.` };
      // Ticked off, not thrown away: adding one again brings it back as it was written.
      for (const i of open) i.done = true;
      await save(ctx, key, items);
      return {
        reply: `Cleared ${open.length} ${open.length === 1 ? 'item' : 'items'} off your ${listName} list.`,
        actions: [{ type: 'list_cleared', list: listName, items: open.length }],
      };
    }
    default:
      return { reply: "I can't do that with lists." };
  }
}

/** "Remove item three", "delete the last line": counted on what is still on the list, as it is read out. */
async function completeAt(
  position: number,
  items: ListItem[],
  listName: string,
  ctx: SkillContext,
  key: string,
): Promise<SkillResponse> {
  const open = items.filter((i) => !i.done);
  const found = open[position > 0 ? position - 1 : open.length + position];
  if (!found) {
    if (!open.length) return { reply: `Your ${listName} list is empty.` };
    const count = open.length === 1 ? 'one item' : `${open.length} items`;
    return { reply: `Your ${listName} list has only ${count}: ${open.map((i) => i.item).join(', ')}.` };
  }
  found.done = true;
  await save(ctx, key, items);
  return { reply: `Checked off ${found.item}.` };
}

async function save(ctx: SkillContext, key: string, items: ListItem[]): Promise<void> {
  await ctx.storage.set(key, items);
}

/** Items are kept as written ("Emma's cake"); said or typed differently ("emmas cake", "emma cake") they are the same. */
const itemKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/['\u2019]s?\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const sameItem = (a: string, b: string) => itemKey(a) === itemKey(b);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
