/** HassShoppingListCompleteItem: Ticks something off the shopping list. */
import { defineIntent } from '../../../hub/sdk/index.js';

export const completeItem = defineIntent({
  targets: 'none',
  slots: { item: { list: 'item' } },
  sentences: [
    {
      sentences: [
        '(check|tick|cross|mark) off {item} (from|on) <shopping_list>',
        '(check|tick|cross) {item} off [<shopping_list>]',
        'mark {item} as (done|bought|complete|completed|purchased|got)',
        '(remove|take|delete) {item} (from|off) <shopping_list>',
        '(i|we) (got|bought|picked up|have) [the] {item} [already]',
        '{item} is (done|bought|in the basket)',
        'complete {item} on <shopping_list>',
      ],
      priority: 1,
    },
  ],
});
