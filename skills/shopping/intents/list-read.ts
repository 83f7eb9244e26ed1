/**
 * HearthListRead: reads a list out ("what's on the shopping list"); `name` is the to-do list, `list_name` a list made
 * by voice, when one is named; `lists: all` asks which lists there are.
 */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';

const read = '(read|tell|say|give|show|list)';
const whatIs = '(what is|what are|what else is|what have (i|we) (got|put)|what do (i|we) have|what items are|anything)';
/** Not yet done: "which chores are left", "what jobs still need doing". */
const LEFT = '(left|remaining|outstanding|not done|to do|left to do|still to do|need doing|to be done)';
export const listRead = defineIntent({
  targets: 'none',
  // `lists: all`: which lists there are ("what lists do I have"), not what is on one.
  slots: { name: { list: 'todo' }, list_name: { list: 'list_name' }, lists: { fixed: ['all'] } },
  cues: {
    answers: true,
    actions: [
      'what is on',
      'read',
      'read out',
      'what do i need',
      'what do we need',
      'whats on',
      'items on',
      'tell me',
      'show me',
      'check',
      'open',
      'go through',
      'run through',
      'go over',
      'what else',
      'how many items',
      'anything on',
      // Asking to see a list, or what lists there are: with the list said, the verb only has to ask.
      ...weighted(0.5, 'what', 'which'),
      // "What are my chores", "which jobs still need doing": what is on the list, asked of the list itself.
      ...weighted(0.75, 'what are', 'still need', 'need doing', 'are left', 'is left'),
      { words: 'how many', weight: 0.75 },
      'show',
      'display',
      ...weighted(0.75, 'see', 'view'),
      'bring up',
      'pull up',
      ...weighted(
        0.75,
        'look at',
        'give me',
        'do i have',
        'do we have',
        'have i got',
        'have we got',
        'did i make',
        'have i made',
        'i made',
        'did we make',
        'have we made',
        'we made',
        // Sent or read out: the hub reads it ("text me the shopping list", "how long is my list")
        'send me',
        'text me',
        'email me',
        'how long',
      ),
      // "My lists", "the lists I made": which lists there are, said in the plural.
      { words: 'lists', weight: 0.25, slots: { lists: 'all' }, isTopic: true },
      'did i put',
      'did we put',
      'is on',
      'are on',
      { words: 'anything', weight: 0.5 },
      ...weighted(0.25, 'left', 'next'),
    ],
    topics: [
      'shopping list',
      'grocery list',
      'groceries',
      'to do list',
      'list',
      'items',
      // Which lists there are: "the lists I've made", "what lists are available"
      'available',
      'made',
      'saved',
      'current',
    ],
    needsTopic: true,
  },
  sentences: [
    { sentences: ['what is on [<the>] {todo:name} [list]', '(read|tell) [me] [<the>] {todo:name} list'], priority: 1 },
    {
      spoken: false,
      sentences: [
        `${whatIs} [still] on [<the>] {todo:name} [list]`,
        `${read} [me|us] [out|back] [what is on] [<the>] {todo:name} [list] [out|back]`,
        'what (do|does) [<the>] {todo:name} [list] (say|have|contain)',
        'what (do|should) (i|we) (need|get|buy) (from|at) [<the>] {todo:name} [list]',
        'what {todo:name} are (on|in) [the] list',
        '(is there|have (i|we) got) anything on [<the>] {todo:name} [list]',
      ],
      // Above HassClimateGetTemperature's "what does <name> say": a to-do list's name is a device name too.
      priority: 2,
    },
    {
      spoken: false,
      sentences: [
        '(what|which) lists (do|have) (i|we) (have|got|made|make)',
        '(what|which) lists are there',
        '(read|tell|show|give) [me|us] (all my|all our|my|our) lists',
        '(what|which) lists (do|did) (i|we) (have|make)',
        // The lists made last ("what were the last lists we made", "show me my newest lists")
        '[(what|which) (were|are)|show me|tell me] [<the>] (last|latest|newest|most recent) [few|couple of] lists [(i|we) (made|created|saved)]',
      ],
      slots: { lists: 'all' },
      priority: 2,
    },
    // A list named and nothing else ("the diy list", "my to do list please"), asked whether it is there ("have we
    // got a list for the school run"), or asked what is left on it ("which errands are still outstanding"): read out.
    {
      spoken: false,
      sentences: [
        '[<the>] {todo:name} [list] [please]',
        '(do (i|we) have|is there|have (i|we) got) [a|any|<the>] {todo:name} list',
        `(what|which) [<the>] {todo:name} (are|is) [still] ${LEFT}`,
      ],
      priority: 1,
    },
    {
      spoken: false,
      sentences: [
        '(the|my|our) {list_name} list [please]',
        '(do (i|we) have|is there|have (i|we) got) (a|any) list (for|of|called|named) [<the>] {list_name}',
        `(what|which) {todo_word:list_name} (are|is) [still] ${LEFT}`,
      ],
    },
    // A list made by voice (`list_name`; a to-do device's name or the shopping list above win the same words).
    {
      spoken: false,
      sentences: [
        `${whatIs} [still] on [<the>] {list_name} list`,
        `${read} [me|us] [out|back] [what is on] [<the>] {list_name} list [out|back]`,
      ],
    },
    '(what is|what else is) on <shopping_list>',
    '(read|tell) [me] <shopping_list>',
    {
      spoken: false,
      sentences: [
        `${whatIs} [still] on <shopping_list>`,
        `${read} [me|us] [out|back] [what is on] <shopping_list> [out|back]`,
        'what (do|does) <shopping_list> (say|have|contain)',
        'what (do|should) (i|we) (need|get) (to buy|to get|from the shops|at the shop|at the store|from the store)',
        'what do (i|we) need to (buy|get|pick up)',
        'what is (left|still) to (buy|get|pick up)',
        '(is there|have (i|we) got) anything on <shopping_list>',
      ],
    },
  ],
});
