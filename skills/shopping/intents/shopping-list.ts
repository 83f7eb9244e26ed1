/** What the shopping list's item intents share: a free-text `item`, and a request must name the list to mean it. */
import type { IntentCues } from '../../../hub/sdk/index.js';

export const ITEM_SLOTS = { item: { list: 'item' } };

export const ON_THE_LIST: Pick<IntentCues, 'topics' | 'needsTopic' | 'freeText'> = {
  topics: ['shopping list', 'grocery list', 'groceries', 'shopping', 'list'],
  needsTopic: true,
  freeText: 'item',
};
