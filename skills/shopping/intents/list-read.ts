/** HearthListRead: reads a list out ("what's on the shopping list", "read me the chores list"). */
import { defineIntent } from '../../../hub/sdk/index.js';

export const listRead = defineIntent({
  targets: 'none',
  slots: { name: { list: 'todo' } },
  sentences: [
    '(what is|what are|what else is|what have (i|we) got) on <shopping_list>',
    '(read|tell) [me|us] [out|back] <shopping_list> [out|back]',
    'what is on [<the>] {todo:name} [list]',
    '(read|tell) [me|us] [out|back] [<the>] {todo:name} list [out|back]',
  ],
});
