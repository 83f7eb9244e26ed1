/** What the shopping list's item intents share: a free-text `item`, and a request must name the list to mean it. */
import type { IntentCues } from '../../../hub/sdk/index.js';

export const ITEM_SLOTS = { item: { list: 'item' }, position: { list: 'ordinal' } };

export const ON_THE_LIST: Pick<IntentCues, 'topics' | 'needsTopic' | 'freeText'> = {
  topics: ['shopping list', 'grocery list', 'groceries', 'shopping', 'list'],
  needsTopic: true,
  freeText: 'item',
};

/**
 * An item named by where it stands on the list ("item three", "the second entry", "the last line"), as `position`
 * (from 1; negative from the end): the skill ticks off the item there. "One" and "thing" say nothing about a list,
 * so the sentences that use them name the list.
 */
const ITEM_WORD = '(item|entry|line)';
const AT_POSITION = `(<the> {ordinal:position} ${ITEM_WORD} | ${ITEM_WORD} [number] {quantity:position} | <the> ${ITEM_WORD} number {quantity:position})`;
const AT_POSITION_OF_A_LIST = `(${AT_POSITION} | <the> {ordinal:position} (one|thing) | number {quantity:position})`;
const REMOVE = '(remove|delete|erase|drop|scratch|scrap|check|tick|cross out|get rid of)';
const OFF = '(check|tick|cross|mark|strike|take|knock)';

/** Ticking off by position, on the list `list` names (a template part); `listRequired`: only when it is said. */
export function byPosition(list: string, listRequired = false): string[] {
  const on = listRequired ? `(from|on|off|of) ${list}` : `[(from|on|off|of) ${list}]`;
  return [
    `[please] ${REMOVE} ${AT_POSITION} ${on} [please]`,
    `[please] ${REMOVE} ${AT_POSITION_OF_A_LIST} (from|on|off|of) ${list} [please]`,
    `[please] ${OFF} off ${AT_POSITION} ${on} [please]`,
    `[please] ${OFF} off ${AT_POSITION_OF_A_LIST} (from|on|off) ${list} [please]`,
    `[please] ${OFF} ${AT_POSITION} off ${listRequired ? list : `[${list}]`} [please]`,
    `[please] ${OFF} ${AT_POSITION_OF_A_LIST} off ${list} [please]`,
    `mark ${AT_POSITION} ${listRequired ? `on ${list} ` : ''}as (done|bought|complete|completed)`,
  ];
}
