/**
 * HassMediaSearchAndPlay: finds something to play and plays it. `search_query` is the title as said, without the
 * class word, which goes to `media_class` ("play the album rumours" → album, "rumours").
 */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, MEDIA_TARGETS } from './slots.js';

const on = '[(on|in|from|through) (<name>|<area>)|<here>]';
const play = '(play|put on|start playing|queue [up]|shuffle|stream|throw on|whack on|blast)';
export const searchAndPlay = defineIntent({
  targets: MEDIA_TARGETS,
  slots: { ...MEDIA_SLOTS, search_query: { list: 'search_query' }, media_class: { list: 'media_class' } },
  cues: {
    actions: [
      'play',
      'put on',
      'listen to',
      'listen',
      'hear',
      'queue',
      'shuffle',
      'stream',
      'tune in',
      'tune into',
      ...weighted(0.75, 'watch', 'resume', 'continue', 'start'),
      { words: 'open', weight: 0.5 },
      // Weak alone: with a word that says what it is ("turn it to the jazz station", "load my podcasts").
      { words: 'tune', weight: 0.75 },
      ...weighted(
        0.5,
        'turn to',
        'switch to',
        'go to',
        'turn on',
        'load',
        'run',
        'find',
        'give me',
        'get me',
        'playing',
        'locate',
        'want',
      ),
      'start reading',
      ...weighted(0.75, 'stick on', 'pop on'),
      // Phrases, not "have" alone: a one-word cue counts against every intent that leaves it unexplained.
      ...weighted(
        0.5,
        'lets have',
        'let us have',
        'can we have',
        'can i have',
        'how about',
        'fancy',
        'in the mood for',
      ),
    ],
    freeText: 'search_query',
    // When to play it: after what plays now ("after this song play …").
    topics: [
      'after this',
      'after this song',
      'after this track',
      'after this one',
      'once this',
      'afterwards',
      'is over',
      'is done',
      'finishes',
      'ends',
      // Where in it to start: not part of the title ("start the audiobook from the beginning").
      'from the beginning',
      'from the start',
      'from the top',
      'where i left off',
      'where we left off',
      'from where i left off',
      'from where we left off',
      'where it stopped',
      'where i stopped',
      'where we stopped',
    ],
  },
  sentences: [
    // Spoken: the common forms (the recogniser's grammar stays small and its sentences apart); the rest typed.
    'play {search_query} [(on|in) (<name>|<area>)]',
    '(put on|listen to) {search_query}',
    {
      spoken: false,
      sentences: [
        `(${play}|start) [the|a|an|my|some] {media_class} {search_query} ${on}`,
        `(put|stick|pop|throw) [the|a|an|my|some] {media_class} {search_query} on ${on}`,
        `${play} [my|the|our] {search_query} {media_class} ${on}`,
        `${play} [some|a bit of|a little] {search_query} ${on}`,
        `(i want|i would like|i wanna|i need) to (hear|listen to|watch) [some|the] {search_query} ${on}`,
        `(let us|let me) (hear|listen to|watch) [some|the] {search_query} ${on}`,
        `(listen to|watch) [some] {search_query} ${on}`,
        `can (i|we|you) (hear|listen to|play|watch) [some] {search_query} ${on}`,
        `(find|search for|look up) {search_query} and play it ${on}`,
        `(turn on|switch on|start|put on) [some|the|my] {playable:search_query} [on] ${on}`,
        `[some|the|my] {playable:search_query} on [please] ${on}`,
      ],
    },
  ],
});
