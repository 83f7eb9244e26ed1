/** The shopping-list skill's intents: adding, ticking off and reading lists. */
import { addItem } from './add-item.js';
import { completeItem } from './complete-item.js';
import { listAddItem, listCompleteItem } from './list-add-item.js';
import { listRead } from './list-read.js';

export const shoppingIntents = {
  HassShoppingListAddItem: addItem,
  HassShoppingListCompleteItem: completeItem,
  HassListAddItem: listAddItem,
  HassListCompleteItem: listCompleteItem,
  HearthListRead: listRead,
};
