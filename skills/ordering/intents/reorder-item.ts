/** ReorderItem: Orders something again. */
import { defineIntent } from '../../../hub/sdk/index.js';

export const reorderItem = defineIntent({
  targets: 'none',
  slots: { product: { list: 'product' } },
  sentences: [
    {
      sentences: [
        '(reorder|re order|restock) [more] [<the>] {product}',
        '(order|buy|get) [some] more {product}',
        '(order|buy|get) [<the>] {product} again',
        '(order|get) [me] [the|my] usual {product}',
        '(reorder|repeat) my last order',
        'order the same (thing|things|stuff) (again|as last time)',
        '(reorder|re order)',
        '(order|buy) another {product}',
      ],
      priority: 1,
    },
  ],
});
