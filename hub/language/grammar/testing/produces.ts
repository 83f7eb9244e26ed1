/** For tests and benches: whether a JSGF grammar (as the hub exports it) can produce a sentence word for word. */
import type { GrammarNode } from '../ir.js';
import { jsgfRule } from './sentences.js';

/** A reader of one JSGF text; `produces(words)` asks about its public utterance rule (or `top`). */
export function grammarReader(jsgf: string, top = 'hearth_utterance'): { produces(words: readonly string[]): boolean } {
  const text = jsgf.replace(/\/[\d.e-]+\//g, ' ').replace(/^public /gm, '');
  const rules = new Map<string, GrammarNode>();
  const rule = (name: string) => {
    let node = rules.get(name);
    if (!node) rules.set(name, (node = jsgfRule(text, name)));
    return node;
  };
  /** The positions where `node` can end when it starts at `from`. */
  const ends = (
    node: GrammarNode,
    words: readonly string[],
    from: number,
    memo: Map<string, Set<number>>,
  ): Set<number> => {
    if (node.kind === 'word') return words[from] === node.word ? new Set([from + 1]) : new Set();
    if (node.kind === 'ref') {
      const key = `${node.rule}@${from}`;
      const known = memo.get(key);
      if (known) return known;
      memo.set(key, new Set()); // left recursion guard
      const found = ends(rule(node.rule), words, from, memo);
      memo.set(key, found);
      return found;
    }
    if (node.kind === 'alt') {
      const out = new Set<number>(node.optional ? [from] : []);
      for (const option of node.options) for (const e of ends(option, words, from, memo)) out.add(e);
      return out;
    }
    let at = new Set([from]);
    for (const item of node.items) {
      const next = new Set<number>();
      for (const a of at) for (const e of ends(item, words, a, memo)) next.add(e);
      at = next;
      if (at.size === 0) break;
    }
    return at;
  };
  const start: GrammarNode = { kind: 'ref', rule: top };
  return { produces: (words) => ends(start, words, 0, new Map()).has(words.length) };
}
