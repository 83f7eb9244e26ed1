/** HassShoppingListAddItem: Adds something to the shopping list. */
import { defineIntent } from '../../../hub/sdk/index.js';

export const addItem = defineIntent({
  targets: 'none',
  slots: { item: { list: 'item' } },
  sentences: [
    {
      sentences: [
        '(add|put|stick|write|pop) {item} (to|on|onto|in) <shopping_list>',
        '(add|put) to <shopping_list> {item}',
        '<shopping_list> add {item}',
        '(we are|i am) (out of|running low on|low on|almost out of) {item}',
        '(we|i) (need|have to buy|should buy|must buy) [some] [more] {item}',
        'remind me to (buy|pick up|get) {item}',
        'do not let me forget [to buy] {item}',
        'we ran out of {item}',
        '(add|put) {item} to [the] list',
      ],
      priority: 1,
    },
  ],
});
