/**
 * Rewrites grammar rules so that pocketsphinx inlines fewer words, without changing the sentences
 * they accept. pocketsphinx copies a rule into every place that refers to it, so `a <d> | b <d>`
 * holds two copies of `<d>` and `(a | b) <d>` one. Every rewrite here is an identity of regular
 * expressions (`a x | b x = (a | b) x`, `x [y] = x | x y`); the smallest result, counted in inlined
 * words, is kept. (A minimised finite-state grammar written directly costs more: pocketsphinx fans
 * out left contexts per state, see BENCHMARKS.md.)
 */
import { alt, EMPTY, isEmpty, seq, type GrammarNode, type GrammarRule } from './ir.js';
import { InlinedSize } from './inlined-size.js';

type Items = readonly GrammarNode[];
type Edge = 'prefix' | 'suffix';

/** Options with more than this many items at their edges are not expanded (keeps the search small). */
const EXPAND_MAX_OPTIONS = 40;

export function factorRules(rules: readonly GrammarRule[]): GrammarRule[] {
  const factor = new Factorer(new InlinedSize(rules));
  return rules.map((rule) => ({ ...rule, body: factor.node(rule.body) }));
}

class Factorer {
  private readonly memo = new Map<string, GrammarNode>();

  constructor(private readonly size: InlinedSize) {}

  node(node: GrammarNode): GrammarNode {
    if (node.kind === 'seq') return seq(node.items.map((item) => this.node(item)))!;
    if (node.kind !== 'alt') return node;
    const options = node.options.map((option) => itemsOf(this.node(option)));
    if (node.optional) options.push([]);
    return this.options(options);
  }

  /** The smallest alternation of these options (an empty option makes it optional). */
  private options(options: Items[]): GrammarNode {
    const key = JSON.stringify(options);
    const known = this.memo.get(key);
    if (known) return known;
    let best = alternation(options);
    if (options.length > 1) {
      const candidates = [this.grouped(options, 'suffix'), this.grouped(options, 'prefix')];
      for (const edge of ['suffix', 'prefix'] as const) {
        for (const expanded of expansions(options, edge)) candidates.push(this.grouped(expanded, edge));
      }
      for (const candidate of candidates)
        if (candidate && this.size.of(candidate) < this.size.of(best)) best = candidate;
    }
    this.memo.set(key, best);
    return best;
  }

  /** Options sharing their first (or last) item become `shared (rest | rest…)`; then the other edge is tried. */
  private grouped(options: Items[], edge: Edge, thenOther = true): GrammarNode | undefined {
    const groups = new Map<string, { shared: GrammarNode; rests: Items[] }>();
    const order: Array<string | Items> = [];
    for (const items of options) {
      if (items.length === 0) {
        order.push(items);
        continue;
      }
      const shared = edge === 'prefix' ? items[0]! : items[items.length - 1]!;
      const rest = edge === 'prefix' ? items.slice(1) : items.slice(0, -1);
      const key = JSON.stringify(shared);
      const group = groups.get(key);
      if (group) group.rests.push(rest);
      else {
        groups.set(key, { shared, rests: [rest] });
        order.push(key);
      }
    }
    if (groups.size === options.length - (order.length - groups.size)) return undefined; // nothing shared
    const parts: Items[] = order.map((entry) => {
      if (typeof entry !== 'string') return entry;
      const { shared, rests } = groups.get(entry)!;
      const rest = rests.length === 1 ? seq([...rests[0]!])! : this.options(rests);
      return itemsOf(edge === 'prefix' ? seq([shared, rest])! : seq([rest, shared])!);
    });
    if (!thenOther) return alternation(parts);
    return this.grouped(parts, edge === 'prefix' ? 'suffix' : 'prefix', false) ?? alternation(parts);
  }
}

function itemsOf(node: GrammarNode): Items {
  if (isEmpty(node)) return [];
  return node.kind === 'seq' ? node.items : [node];
}

function alternation(options: Items[]): GrammarNode {
  return (
    alt(
      options.map((items) => (items.length === 0 ? EMPTY : seq([...items])!)),
      false,
    ) ?? EMPTY
  );
}

/**
 * `x [y]` as `x | x y` (and `[y] x` as `x | y x`) for options whose edge is an optional group, so
 * that `y`'s last item can be shared with other options ending in it: every such option at once,
 * and each one alone (`h [m] | m [s] | s` is smallest as `h [m] | m | [m] s`).
 */
function expansions(options: Items[], edge: Edge): Items[][] {
  if (options.length > EXPAND_MAX_OPTIONS) return [];
  const expandable = options.flatMap((items, i) => (optionalEdge(items, edge) ? [i] : []));
  const out = expandable.length > 0 ? [expand(options, edge, new Set(expandable))] : [];
  if (expandable.length > 1) for (const i of expandable) out.push(expand(options, edge, new Set([i])));
  return out;
}

function optionalEdge(items: Items, edge: Edge): GrammarNode | undefined {
  const group = items[edge === 'prefix' ? 0 : items.length - 1];
  return group?.kind === 'alt' && group.optional ? group : undefined;
}

function expand(options: Items[], edge: Edge, which: ReadonlySet<number>): Items[] {
  return options.flatMap((items, i) => {
    const group = which.has(i) ? optionalEdge(items, edge) : undefined;
    if (group?.kind !== 'alt') return [items];
    const rest = edge === 'prefix' ? items.slice(1) : items.slice(0, -1);
    return [
      rest,
      ...group.options.map((option) =>
        edge === 'prefix' ? [...itemsOf(option), ...rest] : [...rest, ...itemsOf(option)],
      ),
    ];
  });
}
