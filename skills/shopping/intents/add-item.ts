/** HassShoppingListAddItem: adds something to the shopping list (`item` as said). */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { ITEM_SLOTS, ON_THE_LIST } from './shopping-list.js';

const add = '(add|put|stick|write|pop|jot|throw|chuck|include)';
export const addItem = defineIntent({
  targets: 'none',
  slots: ITEM_SLOTS,
  cues: {
    actions: [
      'add',
      'put',
      'stick',
      'pop',
      'write down',
      'jot down',
      'include',
      ...weighted(0.75, 'need', 'buy'),
      { words: 'get', weight: 0.5 },
    ],
    ...ON_THE_LIST,
  },
  sentences: [
    {
      sentences: [
        '(add|put) {item} (to|on) <shopping_list>',
        '(we|i) need [some] [more] {item}',
        '(we are|i am) out of {item}',
      ],
      priority: 1,
    },
    {
      spoken: false,
      sentences: [
        `${add} [some|more] {item} (to|on|onto|in|down on) <shopping_list>`,
        `${add} [down] on <shopping_list> {item}`,
        '(add|put) to <shopping_list> {item}',
        '<shopping_list> (add|plus) {item}',
        '(we are|i am|we have|i have|we have run|we are running|we are nearly|we are almost) (out of|running low on|low on|almost out of|nearly out of|run out of) {item}',
        '(we|i) (need|have to buy|should buy|must buy|are going to need) [some] [more] {item}',
        '(we|i) need [some] [more] {item} [so] [can you] (add|put) (it|them) (to|on) <shopping_list>',
        '(we are|i am) out of {item} [so] [please] (add|put) (it|them) (to|on) <shopping_list>',
        'remind me to (buy|pick up|get) [some] {item}',
        'do not let me forget [to buy] {item}',
        '(we|i) ran out of {item}',
        'no more {item} [left]',
        '(add|put) {item} to [the] list',
        // What to remember, with or without the list ("note down flour for the shopping", "don't forget foil").
        '(remember|note [down]|make a note of|do not forget|do not let me forget) {item} (on|for|in) <shopping_list>',
        '(remember|do not forget) to (buy|get|pick up) [some] {item}',
        '(remember|do not forget) to (add|put) {item} (to|on|onto) <shopping_list>',
      ],
      priority: 1,
    },
    // No verb at all, the list said after the item ("oat cakes on the shopping list"): below every sentence that says
    // what to do, and any reading without free text ("anything on the list" reads it).
    { spoken: false, sentences: ['[oh] [and] {bare_item:item} (to|on|onto) <shopping_list> [please]'], priority: 0 },
  ],
});
