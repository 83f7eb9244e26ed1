/**
 * Slot lists: the values a `{slot}` may take. Value lists are token tries keyed by the first token,
 * so matching a device name costs the same with 30 or 500 devices.
 */
import type { SlotValue } from '../sdk/intents.js';
import { tokenize } from './normalize.js';
import { nodeFor } from './token-trie.js';

export interface ListValue {
  /** What is said (a template-free phrase). */
  in: string;
  /** What the slot reports: the canonical name, or a value such as `light`. */
  out: SlotValue;
  /** `false`: understood when typed, left out of the speech recogniser's grammar (as a `spoken: false` sentence block). */
  spoken?: boolean;
}

/**
 * Phrases a free-text value may not contain (`within`), or be on its own (`alone`): it is about something else.
 * (`welcomes` on the list: words that make a value clearly one of its kind, "radio", "episode".)
 */
export interface FreeTextRefusal {
  within?: readonly string[];
  alone?: readonly string[];
  /** Words a value may not end with: a phrasal verb's particle ("get [the cleaning] on" orders nothing). */
  last?: readonly string[];
  /** Words a value may not stand right before: it is their name ("get rid of my [work] list" is no item). */
  before?: readonly string[];
  /** Words before which a value ends with whose it is: cut there ("add vodka [to my party] shopping list"). */
  ownerBefore?: readonly string[];
}

export type SlotListDefinition =
  | { kind: 'values'; values: ListValue[] }
  | { kind: 'range'; from: number; to: number; step?: number }
  | {
      kind: 'wildcard';
      refuses?: FreeTextRefusal;
      welcomes?: readonly string[];
      /** The value runs on past a comma: a message is said with its own punctuation ("dinner's ready, come down"). */
      acrossClauses?: boolean;
    };

export interface TrieNode {
  children: Map<string, TrieNode>;
  /** Set when a value ends here; several when different values share the spoken form. */
  outs?: SlotValue[];
}

export interface ValueEntry {
  tokens: string[];
  out: SlotValue;
}

export type CompiledList =
  | { kind: 'values'; root: TrieNode; entries: ValueEntry[]; maxTokens: number }
  | { kind: 'range'; from: number; to: number; step: number }
  | { kind: 'wildcard'; refuses?: CompiledRefusal; welcomes?: ReadonlySet<string>; acrossClauses?: boolean };

export function compileList(definition: SlotListDefinition): CompiledList {
  if (definition.kind === 'range')
    return { kind: 'range', from: definition.from, to: definition.to, step: definition.step ?? 1 };
  if (definition.kind === 'wildcard')
    return {
      kind: 'wildcard',
      ...(definition.refuses ? { refuses: compileRefusal(definition.refuses) } : {}),
      ...(definition.welcomes ? { welcomes: new Set(definition.welcomes.flatMap((word) => tokenize(word))) } : {}),
      ...(definition.acrossClauses ? { acrossClauses: true } : {}),
    };
  const root: TrieNode = { children: new Map() };
  const entries: ValueEntry[] = [];
  let maxTokens = 0;
  for (const value of definition.values) {
    const tokens = tokenize(value.in);
    if (tokens.length === 0) continue;
    maxTokens = Math.max(maxTokens, tokens.length);
    entries.push({ tokens, out: value.out });
    const node = nodeFor<TrieNode>(root, tokens, () => ({ children: new Map() }));
    node.outs ??= [];
    if (!node.outs.includes(value.out)) node.outs.push(value.out);
  }
  return { kind: 'values', root, entries, maxTokens };
}

/** Named lists; registry-backed lists are swapped in place without recompiling templates. */
export class SlotListSet {
  private readonly lists = new Map<string, CompiledList>();
  private readonly sources = new Map<string, SlotListDefinition>();

  set(name: string, definition: SlotListDefinition): void {
    this.sources.set(name, definition);
    this.lists.set(name, compileList(definition));
  }

  delete(name: string): void {
    this.sources.delete(name);
    this.lists.delete(name);
  }

  get(name: string): CompiledList | undefined {
    return this.lists.get(name);
  }

  definition(name: string): SlotListDefinition | undefined {
    return this.sources.get(name);
  }

  has(name: string): boolean {
    return this.lists.has(name);
  }

  names(): string[] {
    return [...this.lists.keys()];
  }
}

export function valuesList(values: Array<string | ListValue>): SlotListDefinition {
  return { kind: 'values', values: values.map((v) => (typeof v === 'string' ? { in: v, out: v } : v)) };
}

/** A refusal's phrases as tokens: `within` keyed by their last token, `alone` as whole values. */
export interface CompiledRefusal {
  within: Map<string, string[][]>;
  alone: Set<string>;
  last: Set<string>;
  before: Set<string>;
  ownerBefore: Set<string>;
}

function compileRefusal(refusal: FreeTextRefusal): CompiledRefusal {
  const within = new Map<string, string[][]>();
  for (const phrase of refusal.within ?? []) {
    const tokens = tokenize(phrase);
    const last = tokens.at(-1);
    if (last === undefined) continue;
    within.set(last, [...(within.get(last) ?? []), tokens]);
  }
  return {
    within,
    alone: new Set((refusal.alone ?? []).map((p) => tokenize(p).join(' '))),
    last: new Set((refusal.last ?? []).flatMap((w) => tokenize(w))),
    before: new Set((refusal.before ?? []).flatMap((w) => tokenize(w))),
    ownerBefore: new Set((refusal.ownerBefore ?? []).flatMap((w) => tokenize(w))),
  };
}

/** Words that may stand before a free-text value without making it about something else ("the", "my", "some"). */
const LEAD_WORDS = new Set(['the', 'a', 'an', 'my', 'our', 'some', 'your', 'that', 'this', 'more', 'any', 'extra']);

/** The first end (exclusive) at which a free text starting at `start` contains a refused phrase; tokens.length + 1 if none. */
export function refusedFrom(refusal: CompiledRefusal, tokens: readonly string[], start: number): number {
  for (let i = start; i < tokens.length; i++) {
    for (const phrase of refusal.within.get(tokens[i]!) ?? []) {
      const from = i - phrase.length + 1;
      if (from >= start && phrase.every((t, k) => tokens[from + k] === t)) return i + 1;
    }
  }
  return tokens.length + 1;
}

/** Whether a free-text value (as tokens) is about something the slot refuses. */
export function refusesText(refusal: CompiledRefusal | undefined, tokens: readonly string[]): boolean {
  if (!refusal) return false;
  return refusedFrom(refusal, tokens, 0) <= tokens.length || refusesAlone(refusal, tokens);
}

/** Whether the value is only a refused phrase (after "the", "my", "some"…), or ends with a refused word. */
export function refusesAlone(refusal: CompiledRefusal, tokens: readonly string[]): boolean {
  if (refusal.last.has(tokens.at(-1) ?? '')) return true;
  let start = 0;
  while (start < tokens.length - 1 && LEAD_WORDS.has(tokens[start]!)) start++;
  return refusal.alone.has(tokens.slice(start).join(' '));
}
