/**
 * A frame said back as one of its intent's own sentences ("turn on the kettle"), for "did you mean …" when the hub
 * is not sure enough to act: the plainest path through a template that produces exactly the frame's slots, each
 * slot said with the words the household uses for its value.
 */
import type { Intent, SlotValue } from '../sdk/intents.js';
import type { CompiledTemplate } from './compile.js';
import type { SlotListSet } from './slot-lists.js';

const WALK_BUDGET = 3000;

export function sayFrame(
  intent: Intent,
  templates: readonly CompiledTemplate[],
  lists: SlotListSet,
): string | undefined {
  const wanted = Object.keys(intent.slots).sort().join(',');
  for (const template of templates) {
    if (template.intent !== intent.name) continue;
    const said = walk(template, intent.slots, wanted, lists);
    if (said) return said;
  }
  return undefined;
}

function walk(
  template: CompiledTemplate,
  slots: Readonly<Record<string, SlotValue>>,
  wanted: string,
  lists: SlotListSet,
): string | undefined {
  let budget = WALK_BUDGET;
  const fixed = template.fixedSlots;
  for (const [slot, value] of Object.entries(fixed)) if (slots[slot] !== value) return undefined;
  const visit = (state: number, words: string[], filled: string[]): string | undefined => {
    if (budget-- <= 0) return undefined;
    if (state === template.final) {
      const produced = [...new Set([...filled, ...Object.keys(fixed)])].sort().join(',');
      return produced === wanted ? words.join(' ') : undefined;
    }
    const edges = template.states[state]!;
    for (const edge of [
      ...edges.filter((e) => e.kind === 'eps' && e.skip),
      ...edges.filter((e) => !(e.kind === 'eps' && e.skip)),
    ]) {
      let found: string | undefined;
      if (edge.kind === 'eps') found = visit(edge.to, words, filled);
      else if (edge.kind === 'word') found = visit(edge.to, [...words, edge.token], filled);
      else {
        const value = slots[edge.slot];
        const spoken =
          value === undefined || filled.includes(edge.slot) ? undefined : spokenValue(edge.list, value, lists);
        if (spoken !== undefined) found = visit(edge.to, [...words, spoken], [...filled, edge.slot]);
      }
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(0, [], []);
}

function spokenValue(listName: string, value: SlotValue, lists: SlotListSet): string | undefined {
  const list = lists.get(listName);
  if (!list) return undefined;
  if (list.kind === 'wildcard') return String(value);
  if (list.kind === 'range')
    return typeof value === 'number' && value >= list.from && value <= list.to ? String(value) : undefined;
  return list.entries.find((e) => e.out === value)?.tokens.join(' ');
}
