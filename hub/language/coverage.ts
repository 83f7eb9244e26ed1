/**
 * Examples that together pass through every edge of a template: each word, and each value of a slot's own list
 * (up to a cap). A collision check needs them: the first few examples of "[can i get|i would like] [a] {drink}"
 * never say "i would like a latte", the one a second ordering skill also claims.
 */
import type { CompiledTemplate, Edge } from './compile.js';
import { sampleValue } from './examples.js';
import { tokenize } from './normalize.js';
import type { SlotListSet } from './slot-lists.js';

/** Values tried per slot edge; device names and other long lists are sampled, not enumerated. */
const VALUES_PER_SLOT = 40;
const MAX_EXAMPLES = 400;

/** How a search reached a state: the edge taken and the state it came from (nearer the search's origin). */
interface Step {
  edge: Edge;
  toward: number;
}

export function coverageExamples(
  template: CompiledTemplate,
  lists: SlotListSet,
): { example: string; tokens: readonly string[] }[] {
  const { states, final } = template;
  const incoming: { edge: Edge; from: number }[][] = states.map(() => []);
  states.forEach((edges, from) => {
    for (const edge of edges) incoming[edge.to]!.push({ edge, from });
  });
  const fromStart = shortestPaths(0, (s) => states[s]!.map((edge) => ({ edge, next: edge.to })));
  const toFinal = shortestPaths(final, (s) => incoming[s]!.map(({ edge, from }) => ({ edge, next: from })));
  const sample = (edge: Edge): string | undefined =>
    edge.kind === 'eps' ? '' : edge.kind === 'word' ? edge.token : sampleValue(edge.list, lists);
  const prefix = (state: number): string[] | undefined => walkBack(state, fromStart, sample)?.reverse();
  const suffix = (state: number): string[] | undefined => walkBack(state, toFinal, sample);

  const out = new Map<string, readonly string[]>();
  states.forEach((edges, from) => {
    for (const edge of edges) {
      if (edge.kind === 'eps' || out.size >= MAX_EXAMPLES) continue;
      const before = prefix(from);
      const after = suffix(edge.to);
      if (!before || !after) continue;
      for (const value of valuesOf(edge, lists)) {
        const example = [...before, value, ...after].filter(Boolean).join(' ');
        if (!out.has(example)) out.set(example, tokenize(example));
      }
    }
  });
  return [...out].map(([example, tokens]) => ({ example, tokens }));
}

function valuesOf(edge: Edge, lists: SlotListSet): string[] {
  if (edge.kind === 'word') return [edge.token];
  if (edge.kind !== 'slot') return [];
  const list = lists.get(edge.list);
  if (list?.kind === 'values') return list.entries.slice(0, VALUES_PER_SLOT).map((e) => e.tokens.join(' '));
  const value = sampleValue(edge.list, lists);
  return value === undefined ? [] : [value];
}

/** Breadth-first from `origin` (words and slots cost one, empty moves none): the step that reached each state. */
function shortestPaths(
  origin: number,
  neighbours: (state: number) => { edge: Edge; next: number }[],
): Map<number, Step | null> {
  const via = new Map<number, Step | null>([[origin, null]]);
  const queue = [origin];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const { edge, next } of neighbours(state)) {
      if (via.has(next)) continue;
      via.set(next, { edge, toward: state });
      // An empty move keeps the distance: look at it next.
      if (edge.kind === 'eps') queue.unshift(next);
      else queue.push(next);
    }
  }
  return via;
}

/** The words on the recorded path from `state` to the search's origin, in the order walked. */
function walkBack(
  state: number,
  via: Map<number, Step | null>,
  sample: (edge: Edge) => string | undefined,
): string[] | undefined {
  const words: string[] = [];
  for (let step = via.get(state); step !== null; step = via.get(step.toward)) {
    if (step === undefined) return undefined;
    const word = sample(step.edge);
    if (word === undefined) return undefined;
    words.push(word);
  }
  return words;
}
