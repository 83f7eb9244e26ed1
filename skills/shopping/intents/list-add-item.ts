/** HassListAddItem: adds something to a named list (a to-do list device: `name`), `item` as said. */
import { defineIntent } from '../../../hub/sdk/index.js';

const add = '(add|put|write|stick|pop|jot)';
export const listAddItem = defineIntent({
  targets: { domains: ['todo'], areaFromContext: false },
  slots: { item: { list: 'item' }, name: { list: 'todo' } },
  sentences: [
    {
      sentences: [
        `${add} {item} (to|on|onto|in|down on) [<the>] {todo:name} [list]`,
        `${add} to [<the>] {todo:name} [list] {item}`,
        '[<the>] {todo:name} [list] (add|plus) {item}',
        'remind me to {item} on [<the>] {todo:name} [list]',
      ],
      priority: 2,
    },
  ],
});

/** HassListCompleteItem: ticks something off a named list. */
export const listCompleteItem = defineIntent({
  targets: { domains: ['todo'], areaFromContext: false },
  slots: { item: { list: 'item' }, name: { list: 'todo' } },
  sentences: [
    {
      sentences: [
        '(check|tick|cross|mark|strike|take|knock) off {item} (from|on|off) [<the>] {todo:name} [list]',
        '(check|tick|cross|mark|strike|take|knock) {item} off [<the>] {todo:name} [list]',
        '(remove|delete|drop|erase) {item} (from|off) [<the>] {todo:name} [list]',
        'mark {item} (as done|done|complete) on [<the>] {todo:name} [list]',
      ],
      priority: 2,
    },
  ],
});
