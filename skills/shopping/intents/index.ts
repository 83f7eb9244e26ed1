/** The shopping-list skill's intents: adding, ticking off and reading lists, emptying one, and asking for a new one. */
import { addItem } from './add-item.js';
import { completeItem } from './complete-item.js';
import { listAddItem, listCompleteItem } from './list-add-item.js';
import { listClear, listCreate } from './list-manage.js';
import { listRead } from './list-read.js';

export const shoppingIntents = {
  HassShoppingListAddItem: addItem,
  HassShoppingListCompleteItem: completeItem,
  HassListAddItem: listAddItem,
  HassListCompleteItem: listCompleteItem,
  HearthListRead: listRead,
  HearthListClear: listClear,
  HearthListCreate: listCreate,
};
