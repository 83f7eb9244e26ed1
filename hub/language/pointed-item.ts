/**
 * A list request that says "it" or "them" for the item, with the item said in a clause of its own ("milk, take it
 * off the list", "the eggs are done, remove them from the list"): the item is what that clause names, without what
 * it says about it. Devices pointed at so are afterthoughts.ts's; this is the free-text item.
 */
import type { SlotValue } from '../sdk/intents.js';
import { tagRequest } from './parts/tagger.js';
import { refusesText, type SlotListSet } from './slot-lists.js';

/** Words that stand for the item of another clause. */
const POINTING = new Set(['it', 'them', 'that', 'those', 'these', 'this']);
/** What a clause says about its item, before it ("we are out of milk") or after it ("the eggs are done"). */
const SAID_BEFORE = [
  'we are out of',
  'i am out of',
  'we ran out of',
  'i ran out of',
  'we have run out of',
  'out of',
  'we need',
  'i need',
  'we bought',
  'i bought',
  'we got',
  'i got',
  'we have',
  'i have',
  'no more',
  // A chore said done ("i did the ironing", "we have done the bins")
  'i did',
  'we did',
  'i have done',
  'we have done',
  'i finished',
  'we finished',
].map((words) => words.split(' '));
const SAID_AFTER = [
  'is done',
  'are done',
  'is finished',
  'are finished',
  'is gone',
  'are gone',
  'is bought',
  'are bought',
  'is sorted',
  'are sorted',
  'ran out',
  'have run out',
  'has run out',
  'is empty',
  'please',
].map((words) => words.split(' '));
const DETERMINERS = new Set(['the', 'some', 'more', 'a', 'an', 'my', 'our']);
/** Longer than this, the other clause is a remark, not the name of an item. */
const MAX_ITEM_WORDS = 4;

/** The request's item is "it" or "them": what it is, another clause says ("the milk is done, cross it off …"). */
export function pointsAtItem(slots: Record<string, SlotValue>): boolean {
  return typeof slots.item === 'string' && POINTING.has(slots.item.trim().toLowerCase());
}

/**
 * The item of another clause for a request whose `item` points at it; undefined when the item is said in the request
 * itself or no other clause names one. `clauses` are the request's clauses as tokens.
 */
export function itemPointedAt(
  slots: Record<string, SlotValue>,
  clauses: readonly string[][],
  lists: SlotListSet,
): string | undefined {
  const item = slots.item;
  if (typeof item !== 'string' || !pointsAtItem(slots) || clauses.length < 2) return undefined;
  const request = clauses.findIndex((c) => c.length > 1 && c.includes(item.trim().toLowerCase()));
  if (request < 0) return undefined;
  // The clause nearest the request, the one before it first.
  const others = [request - 1, request + 1].filter((k) => k >= 0 && k < clauses.length);
  const items = lists.get('item');
  for (const k of others) {
    const named = withoutSaying(clauses[k]!, lists);
    // "Stop the timer, it's done": a request of its own, no item.
    if (items?.kind === 'wildcard' && refusesText(items.refuses, named)) continue;
    if (named.length > 0 && named.length <= MAX_ITEM_WORDS) return named.join(' ');
  }
  return undefined;
}

/** The words of the clause that name its item; none when it names a device, a place or a value ("ok", "the lamp"). */
function withoutSaying(clause: readonly string[], lists: SlotListSet): string[] {
  const { parts, partAt } = tagRequest(clause, lists);
  if (parts.some((p) => p.kind !== 'filler')) return [];
  let words = clause.filter((_, i) => partAt[i]! < 0);
  const before = SAID_BEFORE.find((p) => p.every((t, i) => words[i] === t));
  if (before) words = words.slice(before.length);
  for (let again = true; again; ) {
    const after = SAID_AFTER.find((p) => p.every((t, i) => words[words.length - p.length + i] === t));
    again = after !== undefined && words.length > after.length;
    if (after && again) words = words.slice(0, words.length - after.length);
  }
  while (words.length > 0 && DETERMINERS.has(words[0]!)) words = words.slice(1);
  return words;
}
