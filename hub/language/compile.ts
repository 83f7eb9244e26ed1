/**
 * Template AST → a small acyclic NFA (Thompson construction). Rules are inlined here;
 * slot lists are looked up by name at match time so they can change without recompiling.
 */
import { HubError } from '../sdk/errors.js';
import type { SlotValue } from '../sdk/intents.js';
import type { TemplateNode } from './template/ast.js';

export type Edge =
  | { kind: 'eps'; to: number; skip?: true }
  | { kind: 'word'; token: string; to: number }
  | { kind: 'slot'; list: string; slot: string; to: number };

/**
 * Who brought a sentence. When sentences of different origins fit a request equally well, the higher one is taken:
 * the hub's own answers (yes, no, never mind), then what the household installed on purpose (a third-party skill,
 * its own sentence file), then the built-in skills' broad sentences (as Home Assistant's custom sentences take
 * precedence over its built-in ones).
 */
export type IntentOrigin = 'hub' | 'installed' | 'builtin';

export const ORIGIN_RANK: Readonly<Record<IntentOrigin, number>> = { builtin: 0, installed: 1, hub: 2 };

export interface CompiledTemplate {
  /** Index in the matcher's table; later entries lose ties. */
  index: number;
  intent: string;
  owner: string;
  origin: IntentOrigin;
  sentence: string;
  fixedSlots: Record<string, SlotValue>;
  /** Conditions on the target that are not slots of the frame (SentenceBlock.requires). */
  requires?: Record<string, SlotValue>;
  priority: number;
  /** False: not in the speech recogniser's grammar (SentenceBlock.spoken). */
  spoken?: boolean;
  /** states[i] = outgoing edges; state 0 starts, `final` accepts. */
  states: Edge[][];
  final: number;
  /** Literal tokens every path needs: a cheap filter before matching. */
  required: string[];
  /** Literal tokens a match may start with, and lists a match may start with. */
  firstWords: string[];
  firstLists: string[];
  /** Slot lists the template uses. */
  lists: string[];
  /** Every literal token of the template, for choosing tolerant candidates. */
  vocabulary: Set<string>;
}

export type RuleTable = ReadonlyMap<string, TemplateNode>;

const MAX_STATES = 4000;

export function compileTemplate(
  root: TemplateNode,
  rules: RuleTable,
  meta: Pick<
    CompiledTemplate,
    'index' | 'intent' | 'owner' | 'origin' | 'sentence' | 'fixedSlots' | 'priority' | 'spoken' | 'requires'
  >,
): CompiledTemplate {
  const states: Edge[][] = [[]];
  const lists = new Set<string>();
  const newState = (): number => {
    if (states.length >= MAX_STATES)
      throw new HubError(
        'VALIDATION_FAILED',
        `Sentence "${meta.sentence}" expands to more than ${MAX_STATES} states; split it into several sentences.`,
      );
    states.push([]);
    return states.length - 1;
  };
  const build = (node: TemplateNode, from: number, stack: string[]): number => {
    switch (node.kind) {
      case 'word': {
        const to = newState();
        states[from]!.push({ kind: 'word', token: node.token, to });
        return to;
      }
      case 'slot': {
        const to = newState();
        lists.add(node.list);
        states[from]!.push({ kind: 'slot', list: node.list, slot: node.slot, to });
        return to;
      }
      case 'seq':
        return node.items.reduce((at, item) => build(item, at, stack), from);
      case 'alt': {
        const to = newState();
        for (const option of node.options) {
          const start = newState();
          states[from]!.push({ kind: 'eps', to: start });
          states[build(option, start, stack)]!.push({ kind: 'eps', to });
        }
        // Last, so optional words are consumed before a following wildcard can swallow them.
        if (node.optional) states[from]!.push({ kind: 'eps', to, skip: true });
        return to;
      }
      case 'rule': {
        const body = rules.get(node.name);
        if (!body)
          throw new HubError(
            'VALIDATION_FAILED',
            `Sentence "${meta.sentence}" uses the rule <${node.name}>, which is not defined; define it or fix the name.`,
          );
        if (stack.includes(node.name))
          throw new HubError(
            'VALIDATION_FAILED',
            `Rule <${node.name}> refers to itself (${[...stack, node.name].join(' → ')}); rules may not be recursive.`,
          );
        return build(body, from, [...stack, node.name]);
      }
    }
  };
  const final = build(root, 0, []);
  const { firstWords, firstLists } = firstEdges(states);
  const vocabulary = new Set<string>();
  for (const edges of states) for (const edge of edges) if (edge.kind === 'word') vocabulary.add(edge.token);
  return {
    ...meta,
    states,
    final,
    vocabulary,
    required: [...requiredWords(root, rules, [])],
    firstWords,
    firstLists,
    lists: [...lists],
  };
}

function requiredWords(node: TemplateNode, rules: RuleTable, stack: string[]): Set<string> {
  switch (node.kind) {
    case 'word':
      return new Set([node.token]);
    case 'slot':
      return new Set();
    case 'seq': {
      const all = new Set<string>();
      for (const item of node.items) for (const w of requiredWords(item, rules, stack)) all.add(w);
      return all;
    }
    case 'alt': {
      if (node.optional || node.options.length === 0) return new Set();
      const [first, ...rest] = node.options.map((o) => requiredWords(o, rules, stack));
      return new Set([...first!].filter((w) => rest.every((r) => r.has(w))));
    }
    case 'rule': {
      const body = rules.get(node.name);
      if (!body || stack.includes(node.name)) return new Set();
      return requiredWords(body, rules, [...stack, node.name]);
    }
  }
}

function firstEdges(states: Edge[][]): { firstWords: string[]; firstLists: string[] } {
  const words = new Set<string>();
  const lists = new Set<string>();
  const seen = new Set<number>();
  const visit = (state: number): void => {
    if (seen.has(state)) return;
    seen.add(state);
    for (const edge of states[state]!) {
      if (edge.kind === 'eps') visit(edge.to);
      else if (edge.kind === 'word') words.add(edge.token);
      else lists.add(edge.list);
    }
  };
  visit(0);
  return { firstWords: [...words], firstLists: [...lists] };
}
