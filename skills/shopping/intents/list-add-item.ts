/** HassListAddItem: Adds something to a named list (a to-do list device). */
import { defineIntent } from '../../../hub/sdk/index.js';

export const listAddItem = defineIntent({
  targets: { domains: ['todo'], areaFromContext: false },
  slots: { item: { list: 'item' }, name: { list: 'todo' } },
  sentences: [
    {
      sentences: [
        '(add|put|write|stick) {item} (to|on|onto|in) [<the>] {todo:name} [list]',
        '(add|put) to [<the>] {todo:name} [list] {item}',
        '[<the>] {todo:name} [list] add {item}',
        'remind me to {item} on [<the>] {todo:name} [list]',
      ],
    },
  ],
});
