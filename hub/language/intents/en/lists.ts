/** Shopping and to-do lists; items are wildcards bounded by the words that follow them. */
import type { IntentSentences } from '../../sentences.js';

export const todoLists: IntentSentences[] = [
  {
    intent: 'HassShoppingListAddItem',
    data: [
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
  },
  {
    intent: 'HassShoppingListCompleteItem',
    data: [
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
  },
  {
    intent: 'HassListAddItem',
    data: [
      {
        sentences: [
          '(add|put|write|stick) {item} (to|on|onto|in) [<the>] {todo:name} [list]',
          '(add|put) to [<the>] {todo:name} [list] {item}',
          '[<the>] {todo:name} [list] add {item}',
          'remind me to {item} on [<the>] {todo:name} [list]',
        ],
      },
    ],
  },
];
