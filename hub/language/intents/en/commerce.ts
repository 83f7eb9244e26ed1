/** Hearth's own commerce intents: ordering, reordering, order status, cancelling, the pantry box. */
import type { IntentSentences } from '../../sentences.js';

const unit = '[pack|packs|box|boxes|bottle|bottles|bag|bags|can|cans|jar|jars|roll|rolls|carton|cartons|tub|tubs] [of]';
export const commerce: IntentSentences[] = [
  {
    intent: 'OrderProduct',
    data: [
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
  },
  {
    intent: 'ReorderItem',
    data: [
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
  },
  {
    intent: 'OrderStatus',
    data: [
      {
        sentences: [
          'where is my (order|package|delivery|parcel|stuff)',
          'what is the status of my [last] order',
          '(when|what time) (will|is) my (order|package|delivery) (arrive|arriving|come|coming|get here|be here)',
          'track my (order|package|delivery|parcel)',
          '(has|did) my (order|package|delivery) (shipped|ship|arrived|arrive|gone out)',
          '[check] [my] order status',
          'any (news|update|updates) on my order',
          'is my order (on its way|coming|here|delivered)',
          '(check|how is) my order [doing]',
          'what did i order',
          'what did (i|we) (order|buy) (last|recently|last time)',
          'what was (my|our) (last|latest|previous) order',
        ],
      },
    ],
  },
  {
    intent: 'CancelOrder',
    data: [
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
  },
  {
    intent: 'SendPantryBox',
    data: [
      {
        sentences: [
          '(send|ship|submit|order|dispatch) [my|the|our] pantry box [now|off|today]',
          '[my|the] pantry box is (ready|full|done) [to go]',
          'i am done (filling|with) [my|the] pantry box',
          'close and send [my|the] pantry box',
          'send off [my|the] pantry box',
        ],
      },
    ],
  },
];
