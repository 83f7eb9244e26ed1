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
