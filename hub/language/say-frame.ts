/**
 * A frame said back as one of its intent's own sentences ("turn on the kettle"), for "did you mean …" when the hub
 * is not sure enough to act: the plainest path through a template that produces exactly the frame's slots, each
 * slot said with the words the household uses for its value.
 */
import type { Intent, SlotValue } from '../sdk/intents.js';
import type { CompiledTemplate, Edge } from './compile.js';
import type { SlotListSet } from './slot-lists.js';

const WALK_BUDGET = 3000;

export function sayFrame(
  intent: Intent,
  templates: readonly CompiledTemplate[],
  lists: SlotListSet,
): string | undefined {
  const wanted = Object.keys(intent.slots).sort().join(',');
  // A slot's value said in a list's words, looked up once per frame: a name list has a word per device.
  const spoken = new Map<string, string | undefined>();
  const say = (list: string, slot: string, value: SlotValue): string | undefined => {
    const key = `${list}\u0000${slot}`;
    if (!spoken.has(key)) spoken.set(key, spokenValue(list, value, lists));
    return spoken.get(key);
  };
  for (const template of templates) {
    if (template.intent !== intent.name) continue;
    const said = walk(template, intent.slots, wanted, say);
    if (said) return said;
  }
  return undefined;
}

function walk(
  template: CompiledTemplate,
  slots: Readonly<Record<string, SlotValue>>,
  wanted: string,
  say: (list: string, slot: string, value: SlotValue) => string | undefined,
): string | undefined {
  let budget = WALK_BUDGET;
  const fixed = template.fixedSlots;
  for (const [slot, value] of Object.entries(fixed)) if (slots[slot] !== value) return undefined;
  const edgesOf = plainestFirst(template);
  const visit = (state: number, words: string[], filled: string[]): string | undefined => {
    if (budget-- <= 0) return undefined;
    if (state === template.final) {
      const produced = [...new Set([...filled, ...Object.keys(fixed)])].sort().join(',');
      return produced === wanted ? words.join(' ') : undefined;
    }
    for (const edge of edgesOf[state]!) {
      let found: string | undefined;
      if (edge.kind === 'eps') found = visit(edge.to, words, filled);
      else if (edge.kind === 'word') {
        words.push(edge.token);
        found = visit(edge.to, words, filled);
        words.pop();
      } else {
        const value = slots[edge.slot];
        const spoken = value === undefined || filled.includes(edge.slot) ? undefined : say(edge.list, edge.slot, value);
        if (spoken !== undefined) {
          words.push(spoken);
          filled.push(edge.slot);
          found = visit(edge.to, words, filled);
          words.pop();
          filled.pop();
        }
      }
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(0, [], []);
}

/** Each state's edges with the skips of optional words first: the plainest sentence is found first. */
const ordered = new WeakMap<CompiledTemplate, Edge[][]>();
function plainestFirst(template: CompiledTemplate): Edge[][] {
  let states = ordered.get(template);
  if (!states) {
    const skips = (e: Edge): boolean => e.kind === 'eps' && e.skip === true;
    states = template.states.map((edges) => [...edges.filter(skips), ...edges.filter((e) => !skips(e))]);
    ordered.set(template, states);
  }
  return states;
}

function spokenValue(listName: string, value: SlotValue, lists: SlotListSet): string | undefined {
  const list = lists.get(listName);
  if (!list) return undefined;
  if (list.kind === 'wildcard') return String(value);
  if (list.kind === 'range')
    return typeof value === 'number' && value >= list.from && value <= list.to ? String(value) : undefined;
  return list.entries.find((e) => e.out === value)?.tokens.join(' ');
}
