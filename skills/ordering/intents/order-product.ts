/** OrderProduct: Orders a product (asks for a yes first). */
import { defineIntent } from '../../../hub/sdk/index.js';
import { ORDER_SLOTS } from './slots.js';

const unit = '[pack|packs|box|boxes|bottle|bottles|bag|bags|can|cans|jar|jars|roll|rolls|carton|cartons|tub|tubs] [of]';
export const orderProduct = defineIntent({
  targets: 'none',
  slots: ORDER_SLOTS,
  sentences: [
    {
      sentences: [
        '<product_order> {quantity} ' + unit + ' {product}',
        '<product_order> [me] [some|a|an] {product}',
        '(order|buy|get) me {quantity} ' + unit + ' {product}',
        '(i want|i would like|i need) to (order|buy|purchase) [some|a|an] {product}',
        '(i want|i would like|i need) to (order|buy|purchase) {quantity} ' + unit + ' {product}',
        '(place|make|put in) an order for [some|a|an] {product}',
        '(place|make|put in) an order for {quantity} ' + unit + ' {product}',
        '(can|could) you (order|buy|get) [me] [some|a|an] {product}',
        'add {product} to my (order|cart|basket)',
      ],
    },
  ],
});
