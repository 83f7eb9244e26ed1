/** The grammar between templates and output formats: words, sequences, alternatives and rule references. */
export type GrammarNode =
  | { kind: 'word'; word: string }
  | { kind: 'seq'; items: GrammarNode[] }
  | { kind: 'alt'; options: GrammarNode[]; optional: boolean }
  | { kind: 'ref'; rule: string };

export type RuleKind = 'intent' | 'rule' | 'list' | 'number';

export interface GrammarRule {
  /** A JSGF-safe name: letters, digits and `_`. */
  name: string;
  kind: RuleKind;
  body: GrammarNode;
}

export const EMPTY: GrammarNode = { kind: 'seq', items: [] };

export function isEmpty(node: GrammarNode): boolean {
  return node.kind === 'seq' && node.items.length === 0;
}

/** A sequence without empty parts (undefined parts make the whole sequence impossible). */
export function seq(parts: Array<GrammarNode | undefined>): GrammarNode | undefined {
  const items: GrammarNode[] = [];
  for (const part of parts) {
    if (!part) return undefined;
    if (part.kind === 'seq') items.push(...part.items);
    else items.push(part);
  }
  return items.length === 1 ? items[0] : { kind: 'seq', items };
}

/** Alternatives without impossible or duplicate options; an empty option makes the group optional. */
export function alt(options: Array<GrammarNode | undefined>, optional: boolean): GrammarNode | undefined {
  const kept: GrammarNode[] = [];
  const seen = new Set<string>();
  let canBeEmpty = optional;
  for (const option of options) {
    if (!option) continue;
    if (isEmpty(option)) {
      canBeEmpty = true;
      continue;
    }
    const key = JSON.stringify(option);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(option);
  }
  if (kept.length === 0) return canBeEmpty ? EMPTY : undefined;
  if (kept.length === 1 && !canBeEmpty) return kept[0];
  return { kind: 'alt', options: kept, optional: canBeEmpty };
}

export function phrase(words: string[]): GrammarNode {
  return seq(words.map((word) => ({ kind: 'word', word })))!;
}

/** JSGF rule names allow more, but pocketsphinx and people reading the file like these. */
export function ruleName(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^a-zA-Z0-9_]/g, '_')}`;
}

function parts(node: GrammarNode): GrammarNode[] {
  return node.kind === 'seq' ? node.items : [node];
}

/**
 * Rewrites `a x | b x` as `(a | b) x` (and `x a | x b` as `x (a | b)`): the same language, but
 * a shared rule reference appears once. pocketsphinx copies a rule into every place that uses it,
 * so this shrinks its search graph (the timer sentences all end in `<duration>`).
 */
export function factorAlternatives(node: GrammarNode): GrammarNode {
  if (node.kind !== 'alt') return node;
  const bySuffix = group(node.options, (items) => items[items.length - 1]!, (items) => items.slice(0, -1), (rest, shared) => seq([rest, shared]));
  const byPrefix = group(bySuffix, (items) => items[0]!, (items) => items.slice(1), (rest, shared) => seq([shared, rest]));
  return alt(byPrefix, node.optional) ?? node;
}

function group(
  options: GrammarNode[],
  pick: (items: GrammarNode[]) => GrammarNode,
  rest: (items: GrammarNode[]) => GrammarNode[],
  join: (rest: GrammarNode, shared: GrammarNode) => GrammarNode | undefined,
): GrammarNode[] {
  const groups = new Map<string, { shared: GrammarNode; rests: GrammarNode[] }>();
  const out: Array<GrammarNode | string> = [];
  for (const option of options) {
    const items = parts(option);
    const shared = pick(items);
    if (items.length < 2 || shared.kind === 'word') {
      out.push(option);
      continue;
    }
    const key = JSON.stringify(shared);
    const found = groups.get(key);
    if (found) found.rests.push(seq(rest(items))!);
    else {
      groups.set(key, { shared, rests: [seq(rest(items))!] });
      out.push(key);
    }
  }
  return out.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const { shared, rests } = groups.get(entry)!;
    if (rests.length === 1) return join(rests[0]!, shared)!;
    return join(alt(rests, false)!, shared)!;
  });
}
