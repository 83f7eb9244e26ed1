/**
 * A phrase list for Vosk (`vosk_recognizer_new_grm` takes a JSON array of phrases, which it lets
 * follow one another). Each template is expanded in full while it stays small; long slot lists
 * (device names, big number ranges, vocabularies) are cut out and listed as phrases of their own,
 * and a template with too many paths is split into its parts. So the size grows with the number of
 * templates plus list values, never with their product.
 */
import type { GrammarNode, GrammarRule } from './ir.js';
import type { BuiltGrammar } from './builder.js';

export interface PhraseOptions {
  /** Lists with at most this many values are expanded inside the sentence. */
  smallListMax?: number;
  /** A template with more paths than this is split into its parts. */
  perTemplateMax?: number;
  /** Hard cap on the whole list; when reached, the list is marked truncated. */
  maxPhrases?: number;
}

export interface PhraseList {
  phrases: string[];
  truncated: boolean;
}

const BREAK = '\u0000';
const LIST_EXPANSION_MAX = 5000;

export function writePhrases(built: BuiltGrammar, options: PhraseOptions = {}): PhraseList {
  return new PhraseExpander(built.rules, options).run(
    built.intentRules.map((name) => built.sentenceBodies.get(name) ?? []),
  );
}

class PhraseExpander {
  private readonly rules: Map<string, GrammarRule>;
  private readonly out = new Set<string>();
  private readonly emitted = new Set<string>();
  private readonly sizes = new Map<string, string[][] | undefined>();
  private readonly smallListMax: number;
  private readonly perTemplateMax: number;
  private readonly maxPhrases: number;
  private truncated = false;

  constructor(rules: GrammarRule[], options: PhraseOptions) {
    this.rules = new Map(rules.map((r) => [r.name, r]));
    this.smallListMax = options.smallListMax ?? 12;
    this.perTemplateMax = options.perTemplateMax ?? 128;
    this.maxPhrases = options.maxPhrases ?? 20_000;
  }

  run(sentencesByIntent: GrammarNode[][]): PhraseList {
    for (const sentences of sentencesByIntent)
      for (const sentence of sentences) this.emit(sentence, this.perTemplateMax);
    return { phrases: [...this.out], truncated: this.truncated };
  }

  private add(tokens: string[]): void {
    for (const fragment of tokens.join(' ').split(BREAK)) {
      const text = fragment.trim().replace(/\s+/g, ' ');
      if (!text || this.out.has(text)) continue;
      if (this.out.size >= this.maxPhrases) {
        this.truncated = true;
        return;
      }
      this.out.add(text);
    }
  }

  /** Adds the node's phrases, splitting it into parts when it has more than `cap` paths. */
  private emit(node: GrammarNode, cap: number): void {
    const paths = this.expand(node, cap);
    if (paths) {
      for (const path of paths) this.add(path);
      return;
    }
    if (node.kind === 'seq') this.emitInChunks(node.items, cap);
    else if (node.kind === 'alt') for (const option of node.options) this.emit(option, cap);
    else if (node.kind === 'ref') this.emit(this.rules.get(node.rule)!.body, cap);
  }

  /** Consecutive parts are kept together while they fit the cap ("play the next song" | "in the kitchen"). */
  private emitInChunks(items: GrammarNode[], cap: number): void {
    let chunk: GrammarNode[] = [];
    let chunkPaths: string[][] = [[]];
    const flush = (): void => {
      for (const path of chunkPaths) this.add(path);
      chunk = [];
      chunkPaths = [[]];
    };
    for (const item of items) {
      const paths = this.expand(item, cap);
      if (paths && chunkPaths.length * paths.length <= cap) {
        chunk.push(item);
        chunkPaths = chunkPaths.flatMap((head) => paths.map((tail) => [...head, ...tail]));
        continue;
      }
      if (chunk.length > 0) flush();
      if (paths) {
        chunk = [item];
        chunkPaths = paths;
      } else {
        this.emit(item, cap);
      }
    }
    if (chunk.length > 0) flush();
  }

  private emitRule(rule: GrammarRule): void {
    if (this.emitted.has(rule.name)) return;
    this.emitted.add(rule.name);
    this.emit(rule.body, LIST_EXPANSION_MAX);
  }

  /** Every path as tokens (BREAK where a long list was cut out), or undefined above `cap`. */
  private expand(node: GrammarNode, cap: number): string[][] | undefined {
    switch (node.kind) {
      case 'word':
        return [[node.word]];
      case 'ref': {
        const rule = this.rules.get(node.rule)!;
        if (rule.kind === 'rule' || rule.kind === 'intent') return this.expand(rule.body, cap);
        const small = this.smallList(rule);
        if (small) return small;
        this.emitRule(rule);
        return [[BREAK]];
      }
      case 'seq': {
        let paths: string[][] = [[]];
        for (const item of node.items) {
          const next = this.expand(item, cap);
          if (!next || paths.length * next.length > cap) return undefined;
          paths = paths.flatMap((head) => next.map((tail) => [...head, ...tail]));
        }
        return paths;
      }
      case 'alt': {
        const paths: string[][] = node.optional ? [[]] : [];
        for (const option of node.options) {
          const more = this.expand(option, cap);
          if (!more || paths.length + more.length > cap) return undefined;
          paths.push(...more);
        }
        return paths;
      }
    }
  }

  private smallList(rule: GrammarRule): string[][] | undefined {
    if (!this.sizes.has(rule.name)) this.sizes.set(rule.name, this.expand(rule.body, this.smallListMax));
    return this.sizes.get(rule.name);
  }
}
