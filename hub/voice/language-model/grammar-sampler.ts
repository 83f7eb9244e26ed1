/**
 * Sentences drawn from the command grammar (hub/language/grammar IR) to estimate a language model from. Each
 * alternative is drawn among its least-used options, so after as many draws as it has options every option (each
 * device name, area, number) has appeared in some sentence, and the rest of the sentence around it varies.
 */
import type { GrammarNode, GrammarRule } from '../../language/grammar/ir.js';

export interface SampleSource {
  rules: readonly GrammarRule[];
  /** Each intent's sentences (by intent rule name), referring to `rules`. */
  sentenceBodies: ReadonlyMap<string, readonly GrammarNode[]>;
}

export interface SampleOptions {
  /** Draws per intent at least (default 60). */
  minPerIntent?: number;
  /** Draws per intent at most (default 1500), however wide its lists. */
  maxPerIntent?: number;
  /** Draws per option of the intent's widest list (default 2), so each name is seen in more than one sentence. */
  perOption?: number;
  random: () => number;
}

export interface SampledSentence {
  /** The intent rule the sentence came from. */
  rule: string;
  words: string[];
}

/** References deeper than this are a cycle (the builder never makes one; a hand-made source could). */
const MAX_DEPTH = 40;

export function sampleGrammar(source: SampleSource, options: SampleOptions): SampledSentence[] {
  const sampler = new Sampler(new Map(source.rules.map((r) => [r.name, r.body])), options.random);
  const out: SampledSentence[] = [];
  for (const [rule, bodies] of source.sentenceBodies) {
    if (bodies.length === 0) continue;
    const sentences: GrammarNode = { kind: 'alt', options: [...bodies], optional: false };
    const wanted = Math.max(bodies.length, sampler.widest(sentences) * (options.perOption ?? 2));
    const draws = Math.min(options.maxPerIntent ?? 1500, Math.max(options.minPerIntent ?? 60, wanted));
    for (let i = 0; i < draws; i++) {
      const words: string[] = [];
      sampler.draw(sentences, words, 0);
      if (words.length > 0) out.push({ rule, words });
    }
  }
  return out;
}

class Sampler {
  /** How often each option of an alternative was drawn (the last slot: left out, for optional ones). */
  private readonly uses = new Map<GrammarNode, number[]>();
  private readonly widths = new Map<GrammarNode, number>();

  constructor(
    private readonly rules: ReadonlyMap<string, GrammarNode>,
    private readonly random: () => number,
  ) {}

  draw(node: GrammarNode, into: string[], depth: number): void {
    if (depth > MAX_DEPTH) throw new RangeError('the grammar refers to itself in a cycle; it cannot be sampled');
    switch (node.kind) {
      case 'word':
        into.push(node.word);
        return;
      case 'seq':
        for (const item of node.items) this.draw(item, into, depth + 1);
        return;
      case 'ref': {
        const body = this.rules.get(node.rule);
        if (body) this.draw(body, into, depth + 1);
        return;
      }
      case 'alt': {
        const choice = this.leastUsed(node);
        if (choice < node.options.length) this.draw(node.options[choice]!, into, depth + 1);
      }
    }
  }

  /** The most options any alternative reachable from `node` has (how many draws it takes to see them all). */
  widest(node: GrammarNode, depth = 0): number {
    if (depth > MAX_DEPTH) return 1;
    const known = this.widths.get(node);
    if (known !== undefined) return known;
    let width = 1;
    if (node.kind === 'seq') for (const item of node.items) width = Math.max(width, this.widest(item, depth + 1));
    else if (node.kind === 'alt') {
      width = node.options.length + (node.optional ? 1 : 0);
      for (const option of node.options) width = Math.max(width, this.widest(option, depth + 1));
    } else if (node.kind === 'ref') {
      const body = this.rules.get(node.rule);
      if (body) width = this.widest(body, depth + 1);
    }
    this.widths.set(node, width);
    return width;
  }

  private leastUsed(node: GrammarNode & { kind: 'alt' }): number {
    const slots = node.options.length + (node.optional ? 1 : 0);
    let counts = this.uses.get(node);
    if (!counts) {
      counts = new Array<number>(slots).fill(0);
      this.uses.set(node, counts);
    }
    const least = Math.min(...counts);
    const candidates: number[] = [];
    counts.forEach((c, i) => c === least && candidates.push(i));
    const choice = candidates[Math.floor(this.random() * candidates.length)]!;
    counts[choice]!++;
    return choice;
  }
}
