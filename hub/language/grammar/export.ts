/** One call from templates + live lists to everything a recogniser needs: JSGF, phrases, words, warnings. */
import { buildGrammar, type BuildOptions, type GrammarSource } from './builder.js';
import { factorRules } from './factor.js';
import { InlinedSize } from './inlined-size.js';
import type { GrammarNode, GrammarRule } from './ir.js';
import { writeJsgf, type JsgfOptions } from './jsgf.js';
import { writePhrases, type PhraseOptions } from './phrases.js';

export interface GrammarExportOptions extends BuildOptions, JsgfOptions, PhraseOptions {}

export interface ExportedGrammar {
  /** For pocketsphinx (`recognizer.setGrammar({jsgf})`). */
  jsgf: string;
  /** For Vosk (`recognizer.setGrammar({phrases})`); "[unk]" is added by the Vosk recogniser. */
  phrases: string[];
  /** Every word the grammar can produce, sorted. */
  words: string[];
  /** Words not in the dictionary (with a phrase they came from); dropped unless `unknownWords: 'keep'`. */
  unknownWords: Array<{ word: string; in: string }>;
  /** Extra pronunciations the grammar uses; the recogniser must learn these words before loading it. */
  pronunciations: Record<string, string>;
  leftOut: { wildcards: string[]; sentences: string[] };
  /** The grammar before factoring: each intent's sentences (by intent rule name) and the rules they refer to. */
  graph: { rules: GrammarRule[]; sentenceBodies: Map<string, GrammarNode[]> };
  stats: {
    intents: number;
    templates: number;
    rules: number;
    jsgfBytes: number;
    inlinedWords: number;
    phrases: number;
    phrasesTruncated: boolean;
    words: number;
    ms: number;
  };
}

export type { GrammarSource } from './builder.js';
export { deviceNameScopes } from './name-scope.js';
export { deviceSlotRanges, deviceSlotValues } from './device-slots.js';

export function exportGrammar(source: GrammarSource, options: GrammarExportOptions = {}): ExportedGrammar {
  const started = performance.now();
  const unfactored = buildGrammar(source, options);
  const built = { ...unfactored, rules: factorRules(unfactored.rules) };
  const jsgf = writeJsgf(built, options);
  // Phrases for Vosk list each value and sentence as said, so they come from the rules before factoring.
  const { phrases, truncated } = writePhrases(unfactored, options);
  const words = new Set<string>();
  for (const rule of built.rules) collectWords(rule.body, words);
  return {
    jsgf,
    phrases,
    words: [...words].sort(),
    unknownWords: [...built.lexicon.unknown]
      .map(([word, context]) => ({ word, in: context }))
      .sort((a, b) => a.word.localeCompare(b.word)),
    pronunciations: built.lexicon.pronunciationsUsed(),
    leftOut: { wildcards: built.leftOutWildcards.sort(), sentences: built.leftOutSentences },
    graph: { rules: unfactored.rules, sentenceBodies: unfactored.sentenceBodies },
    stats: {
      intents: built.intentRules.length,
      templates: built.templates,
      rules: built.rules.length,
      jsgfBytes: Buffer.byteLength(jsgf),
      inlinedWords: inlinedWords(built.rules, built.intentRules),
      phrases: phrases.length,
      phrasesTruncated: truncated,
      words: words.size,
      ms: Math.round((performance.now() - started) * 10) / 10,
    },
  };
}

function collectWords(node: GrammarNode, into: Set<string>): void {
  if (node.kind === 'word') into.add(node.word);
  else if (node.kind === 'seq') for (const item of node.items) collectWords(item, into);
  else if (node.kind === 'alt') for (const option of node.options) collectWords(option, into);
}

export function inlinedWords(rules: readonly GrammarRule[], roots: readonly string[]): number {
  const size = new InlinedSize(rules);
  return roots.reduce((n, root) => n + size.rule(root), 0);
}
