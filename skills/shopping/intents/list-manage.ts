/**
 * Whole lists rather than what is on them. HearthListClear empties a list ("clear the shopping list", "I don't need
 * the chores list any more"); `name` is the to-do list device, `list_name` a list made by voice. HearthListCreate
 * makes a list ("make a list for the party"); `list_name` is what it is called, and from then on the list is used by
 * that name (skills/shopping/made-lists.ts). Emptying a list is read from templates only: a list the house does not
 * have ("my work list") must not empty the shopping list.
 */
import { defineIntent } from '../../../hub/sdk/index.js';

const LIST_TOPICS = ['shopping list', 'grocery list', 'to do list', 'todo list', 'checklist', 'list', 'lists'];
/** Everything on a list, taken off it ("delete everything on …", "remove all the items from …"). */
const ALL_OFF =
  '(delete|remove|erase|clear|wipe|take|cross|tick|strike) (everything|all [of] [<the>] (items|things|entries|stuff)|all of it|it all) (on|from|off|in|of)';

export const listClear = defineIntent({
  targets: 'none',
  slots: { name: { list: 'todo' }, list_name: { list: 'list_name' } },
  sentences: [
    {
      spoken: false,
      sentences: [
        '(clear|empty|wipe) [out] [<the>] {list_name} list',
        `${ALL_OFF} [<the>] {list_name} list`,
        '(delete|remove|scrap|bin|get rid of|throw away|throw out|ditch) [<the>] [whole] {list_name} list',
        // The list named after it ("bin the list of birthday ideas")
        '(clear|empty|wipe|delete|remove|scrap|bin|get rid of|throw away|throw out|ditch) the [whole] list (of|for) {list_name}',
      ],
    },
    { sentences: ['clear <shopping_list>'], priority: 2 },
    // A list the house has by that name ("the shopping list" as a to-do list) is named in the frame: before the
    // unnamed forms, which match the same words.
    {
      spoken: false,
      sentences: [
        '(clear|empty|wipe) [out] [<the>] {todo:name} [list]',
        '(delete|remove|scrap|bin|get rid of|throw away|throw out|ditch) [<the>] [whole] {todo:name} list',
        '(clear|empty|wipe|delete|remove|scrap|bin|get rid of|throw away|throw out|ditch) the [whole] list of [things] {todo:name}',
        '(i|we) do not (need|want) [<the>] {todo:name} [list] (any more|anymore)',
        '(take|cross|tick) everything off [<the>] {todo:name} [list]',
        `${ALL_OFF} [<the>] {todo:name} [list]`,
        'start [<the>] {todo:name} [list] (over|again)',
      ],
      priority: 3,
    },
    {
      spoken: false,
      sentences: [
        '(clear|empty|wipe) [out] <shopping_list>',
        '(delete|remove|scrap|bin|get rid of) (the|my|our) [whole] [shopping|grocery] list',
        '(i|we) do not (need|want) (<shopping_list>|this list) (any more|anymore)',
        '(take|cross|tick) everything off <shopping_list>',
        `${ALL_OFF} <shopping_list>`,
        'start <shopping_list> (over|again)',
      ],
      priority: 2,
    },
  ],
});

export const listCreate = defineIntent({
  targets: 'none',
  slots: { list_name: { list: 'list_name' } },
  cues: {
    // No one-word cue "new": every one-word cue weighs double against the intents that leave it unexplained.
    actions: ['create', 'start', 'set up', { words: 'make', weight: 0.75 }],
    topics: ['new list', 'another list', ...LIST_TOPICS],
    needsTopic: true,
    freeText: 'list_name',
  },
  sentences: [
    { sentences: ['make a new list'], priority: 2 },
    {
      spoken: false,
      sentences: [
        '(make|create|start|set up) [me|us] (a|another) [new] list [for (me|us)] [please]',
        '(make|create|start|set up) [me|us] (a|another) [new] list (for|of|called|named) {list_name}',
        '(make|create|start|set up) [me|us] (a|an|another) [new] {list_name} list',
        '(new|another) list [please]',
        '[a] (new|another) list (for|of|called|named) {list_name}',
      ],
      priority: 2,
    },
  ],
});
