/** HassShoppingListCompleteItem: ticks something off (or takes it off) the shopping list. */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { byPosition, ITEM_SLOTS, ON_THE_LIST } from './shopping-list.js';

const tick = '(check|tick|cross|mark|strike|scratch|take|knock)';
export const completeItem = defineIntent({
  targets: 'none',
  slots: ITEM_SLOTS,
  cues: {
    actions: [
      'tick off',
      'cross off',
      'check off',
      'take off',
      'cross out',
      'strike off',
      'remove',
      'delete',
      'erase',
      'drop',
      'scratch',
      'scrap',
      'get rid of',
      'rub out',
      ...weighted(0.75, 'cancel', 'got', 'bought'),
    ],
    ...ON_THE_LIST,
  },
  sentences: [
    {
      sentences: [
        '(check|tick|cross) off {item} (from|on) <shopping_list>',
        '(remove|take) {item} (from|off) <shopping_list>',
      ],
      priority: 1,
    },
    {
      spoken: false,
      sentences: [
        `${tick} off {item} (from|on|off) <shopping_list>`,
        `${tick} {item} off [<shopping_list>]`,
        'mark {item} as (done|bought|complete|completed|purchased|got|gotten)',
        '(remove|delete|drop|erase|scratch) {item} (from|off) <shopping_list>',
        // "I have" alone is no saying it is bought ("i have dropped an earring", "i have a headache").
        '(i|we) (got|bought|picked up|already have|have (got|bought|picked up)) [the] {item} [already] [so] [you can] [take (it|them) off [the list]]',
        '{item} is (done|bought|in the basket|sorted)',
        'complete {item} on <shopping_list>',
        '<shopping_list> (remove|delete|drop|erase|scratch|(take|cross|tick|check|strike) off) {item}',
        // Crossing or ticking off is only done to a list ("cross off the toothpaste").
        '(cross|tick|check) off {item}',
      ],
      priority: 1,
    },
    // "remove item three", "delete the last line": `position` instead of `item`, before an item read as "item three".
    { spoken: false, sentences: byPosition('<shopping_list>'), priority: 2 },
    // Before an order's cancellation: with a list to tick things off, this is about the list.
    { sentences: ['(we|i) do not need {item} [anymore|any more] [on <shopping_list>]'], priority: 2 },
  ],
});
