/** Concrete sentences a template accepts, for suggestions and collision checks. */
import type { CompiledTemplate } from './compile.js';
import type { SlotListSet } from './slot-lists.js';

export function sampleValue(listName: string, lists: SlotListSet): string | undefined {
  const list = lists.get(listName);
  if (!list) return undefined;
  if (list.kind === 'wildcard') return 'something';
  if (list.kind === 'range') return String(Math.round((list.from + list.to) / 2));
  return list.entries[0]?.tokens.join(' ');
}

/**
 * What a template's examples depend on besides the template: the sample value of each list it uses.
 * Device names change the lists, so a cached walk is reused only while this key is the same.
 */
export function sampleKey(template: CompiledTemplate, lists: SlotListSet): string {
  return template.lists.map((name) => sampleValue(name, lists) ?? '\u0001').join('\u0000');
}

/**
 * Collision checks ask for the examples of every registered template once per skill (~100 ms of each cold
 * start), so the last walk per template is kept. The walk is deterministic and stops at `max`, so a walk
 * for a larger `max` answers every smaller one with a prefix.
 */
const walks = new WeakMap<CompiledTemplate, { key: string; max: number; out: readonly string[] }>();

/** Up to `max` sentences, walking the template's paths in order. */
export function examples(template: CompiledTemplate, lists: SlotListSet, max: number): string[] {
  const key = sampleKey(template, lists);
  const cached = walks.get(template);
  if (cached && cached.key === key && cached.max >= max) return cached.out.slice(0, max);
  const out = walkExamples(template, lists, max);
  walks.set(template, { key, max, out });
  return [...out];
}

function walkExamples(template: CompiledTemplate, lists: SlotListSet, max: number): string[] {
  const out: string[] = [];
  let budget = 2000; // bounds the walk when a template has very many paths
  const walk = (state: number, words: string[]): void => {
    if (out.length >= max || budget-- <= 0) return;
    if (state === template.final) {
      out.push(words.join(' '));
      return;
    }
    const edges = template.states[state]!;
    // Skipping optional parts first gives the plainest sentence.
    for (const edge of [
      ...edges.filter((e) => e.kind === 'eps' && e.skip),
      ...edges.filter((e) => !(e.kind === 'eps' && e.skip)),
    ]) {
      if (edge.kind === 'eps') walk(edge.to, words);
      else if (edge.kind === 'word') walk(edge.to, [...words, edge.token]);
      else {
        const value = sampleValue(edge.list, lists);
        if (value !== undefined) walk(edge.to, [...words, value]);
      }
    }
  };
  walk(0, []);
  return out;
}
