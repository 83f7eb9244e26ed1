/**
 * HassListAddItem: adds something to a named list, `item` as said: a to-do list device (`name`, Home Assistant's
 * frame) or a list the household made by voice (`list_name`, not an entity; the skill knows which lists exist).
 */
import { defineIntent } from '../../../hub/sdk/index.js';
import { byPosition } from './shopping-list.js';

const add = '(add|put|write|stick|pop|jot)';
/** When the item is for, said after the list ("… on my to do list for tomorrow"): the list stays the same. */
const FOR_WHEN = '[for (today|tonight|tomorrow|this week|the weekend)]';
/** A list named by a to-do device's name, or by the name of a list made by voice. */
const LIST_SLOTS = {
  item: { list: 'item' },
  name: { list: 'todo' },
  list_name: { list: 'list_name' },
  position: { list: 'ordinal' },
};
export const listAddItem = defineIntent({
  targets: { domains: ['todo'], areaFromContext: false },
  slots: LIST_SLOTS,
  sentences: [
    {
      spoken: false,
      sentences: [
        `${add} {item} (to|on|onto|in|down on) [<the>] {list_name} list ${FOR_WHEN}`,
        `${add} to [<the>] {list_name} list {item}`,
      ],
    },
    {
      sentences: [
        `${add} {item} (to|on|onto|in|down on) [<the>] {todo:name} [list]`,
        `${add} to [<the>] {todo:name} [list] {item}`,
        '[<the>] {todo:name} [list] (add|plus) {item}',
        'remind me to {item} on [<the>] {todo:name} [list]',
      ],
      priority: 2,
    },
    {
      spoken: false,
      sentences: [`${add} {item} (to|on|onto|in|down on) [<the>] {todo:name} [list] ${FOR_WHEN}`],
      priority: 2,
    },
    // No verb, the list after the item ("new hinges on the diy list"); below the sentences that say what to do.
    {
      spoken: false,
      sentences: [
        '[oh] [and] {bare_item:item} (to|on|onto) [<the>] {todo:name} [list] [please]',
        '[oh] [and] {bare_item:item} (to|on|onto) [<the>] {list_name} list [please]',
      ],
      priority: 0,
    },
  ],
});

/** HassListCompleteItem: ticks something off a named list. */
export const listCompleteItem = defineIntent({
  targets: { domains: ['todo'], areaFromContext: false },
  slots: LIST_SLOTS,
  sentences: [
    {
      spoken: false,
      sentences: [
        '(remove|delete|drop|erase|take|cross|tick|check|strike) {item} (from|off) [<the>] {list_name} list',
        '(take|cross|tick|check|strike) off {item} (from|on) [<the>] {list_name} list',
      ],
    },
    {
      sentences: [
        '(check|tick|cross|mark|strike|take|knock) off {item} (from|on|off) [<the>] {todo:name} [list]',
        '(check|tick|cross|mark|strike|take|knock) {item} off [<the>] {todo:name} [list]',
        '(remove|delete|drop|erase) {item} (from|off) [<the>] {todo:name} [list]',
        'mark {item} (as done|done|complete) on [<the>] {todo:name} [list]',
      ],
      priority: 2,
    },
    {
      spoken: false,
      sentences: [
        '(scratch|scrap) {item} (off|from) [<the>] {todo:name} [list]',
        // The list said first ("the diy list, take off the sandpaper")
        '[<the>] {todo:name} [list] (remove|delete|drop|erase|scratch|(take|cross|tick|check|strike) off) {item}',
      ],
      priority: 2,
    },
    {
      spoken: false,
      sentences: [...byPosition('[<the>] {list_name} list', true), ...byPosition('[<the>] {todo:name} [list]', true)],
      priority: 3,
    },
  ],
});
