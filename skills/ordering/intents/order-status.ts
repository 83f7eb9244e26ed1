/** OrderStatus: Where the last order is. */
import { defineIntent } from '../../../hub/sdk/index.js';

export const orderStatus = defineIntent({
  targets: 'none',
  slots: {},
  sentences: [
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
});
