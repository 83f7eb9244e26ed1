import type { GrammarNode, GrammarRule } from './ir.js';

/**
 * Word arcs once every rule reference is copied in place, which is what pocketsphinx does when it
 * turns JSGF into a finite-state grammar: its decoder's memory and time follow this number, not the file size.
 */
export class InlinedSize {
  private readonly byName: Map<string, GrammarRule>;
  private readonly memo = new Map<string, number>();

  constructor(rules: readonly GrammarRule[]) {
    this.byName = new Map(rules.map((r) => [r.name, r]));
  }

  of(node: GrammarNode): number {
    if (node.kind === 'word') return 1;
    if (node.kind === 'seq') return node.items.reduce((n, item) => n + this.of(item), 0);
    if (node.kind === 'alt') return node.options.reduce((n, option) => n + this.of(option), 0);
    return this.rule(node.rule);
  }

  rule(name: string): number {
    let known = this.memo.get(name);
    if (known === undefined) {
      this.memo.set(name, 0); // recursion guard; rules are not recursive
      const rule = this.byName.get(name);
      known = rule ? this.of(rule.body) : 0;
      this.memo.set(name, known);
    }
    return known;
  }
}
