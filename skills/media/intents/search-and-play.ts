/** HassMediaSearchAndPlay: Finds something to play and plays it. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS } from './slots.js';

export const searchAndPlay = defineIntent({
  targets: { domains: ['media_player'], areaFromContext: true },
  slots: { ...MEDIA_SLOTS, search_query: { list: 'search_query' } },
  sentences: [
    {
      sentences: [
        'play {search_query} (on|in) (<name>|<area>)',
        'play {search_query}',
        'put on {search_query} [(on|in) (<name>|<area>)]',
        'i want to (hear|listen to) {search_query}',
        '(let us|let me) (hear|listen to) {search_query}',
        'listen to {search_query}',
        'can (i|we) (hear|have) {search_query}',
        'queue [up] {search_query}',
        'start playing {search_query}',
        '(find|search for) {search_query} and play it',
      ],
      slots: { domain: 'media_player' },
    },
  ],
});
