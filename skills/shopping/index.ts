/** The shopping list (and other named lists), kept in the skill's own storage. */
import { defineSkill, type SkillContext } from '../../hub/sdk/index.js';
import { shoppingIntents } from './intents/index.js';

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
    const listName =
      typeof intent.slots.name === 'string'
        ? intent.slots.name
        : typeof intent.slots.list_name === 'string'
          ? intent.slots.list_name
          : 'shopping';
    const key = `list:${listName.toLowerCase().replace(/\s+list$/, '')}`;
    const items = (await ctx.storage.get<ListItem[]>(key)) ?? [];
    const item = typeof intent.slots.item === 'string' ? intent.slots.item.trim() : '';
    switch (intent.name) {
      case 'HassShoppingListAddItem':
      case 'HassListAddItem': {
        if (!item) return { reply: 'What should I add?' };
        const existing = items.find((i) => sameItem(i.item, item));
        if (existing && !existing.done) return { reply: `${capital(item)} is already on your ${listLabel(key)} list.` };
        if (existing) existing.done = false;
        else items.push({ item, done: false });
        await save(ctx, key, items);
        return {
          reply: `Added ${item} to your ${listLabel(key)} list.`,
          actions: [{ type: 'list_item_added', list: listLabel(key), item }],
        };
      }
      case 'HassShoppingListCompleteItem':
      case 'HassListCompleteItem': {
        const found = items.find((i) => sameItem(i.item, item) && !i.done);
        if (!found) return { reply: `${capital(item)} isn't on your ${listLabel(key)} list.` };
        found.done = true;
        await save(ctx, key, items);
        return { reply: `Checked off ${found.item}.` };
      }
      case 'HearthListRead': {
        const open = items.filter((i) => !i.done).map((i) => i.item);
        if (!open.length) return { reply: `Your ${listLabel(key)} list is empty.` };
        return { reply: `On your ${listLabel(key)} list: ${open.join(', ')}.` };
      }
      case 'HearthListClear': {
        const open = items.filter((i) => !i.done);
        if (!open.length) return { reply: `Your ${listLabel(key)} list is already empty.` };
        // Ticked off, not thrown away: adding one again brings it back as it was written.
        for (const i of open) i.done = true;
        await save(ctx, key, items);
        return {
          reply: `Cleared ${open.length} ${open.length === 1 ? 'item' : 'items'} off your ${listLabel(key)} list.`,
          actions: [{ type: 'list_cleared', list: listLabel(key), items: open.length }],
        };
      }
      case 'HearthListCreate':
        return {
          reply:
            "I can't make new lists yet. I keep your shopping list, and the to-do lists set up in the hub: " +
            'say for example "add milk to the shopping list".',
        };
      default:
        return { reply: "I can't do that with lists." };
    }
  },
});

async function save(ctx: SkillContext, key: string, items: ListItem[]): Promise<void> {
  await ctx.storage.set(key, items);
}

const listLabel = (key: string) => key.slice('list:'.length);
/** Items are kept as written ("Emma's cake"); said or typed differently ("emmas cake", "emma cake") they are the same. */
const itemKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/['\u2019]s?\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const sameItem = (a: string, b: string) => itemKey(a) === itemKey(b);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
