/** CancelOrder: Cancels an order. */
import { defineIntent } from '../../../hub/sdk/index.js';

export const cancelOrder = defineIntent({
  targets: 'none',
  slots: { product: { list: 'product' } },
  sentences: [
    {
      sentences: [
        'cancel [my|the] [last|latest|recent] order',
        'cancel [my|the] order (for|of) [the] {product}',
        '(stop|scrap|drop|kill) my [last] order',
        '(do not|never mind) order [the] {product}',
        '(i do not|we do not) (want|need) [the] {product} [anymore|after all]',
        'cancel the {product} order',
      ],
      priority: 1,
    },
  ],
});
