/** One call from templates + live lists to everything a recogniser needs: JSGF, phrases, words, warnings. */
import { buildGrammar, type BuildOptions, type GrammarSource } from './builder.js';
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
  stats: { intents: number; templates: number; rules: number; jsgfBytes: number; inlinedWords: number; phrases: number; phrasesTruncated: boolean; words: number; ms: number };
}

export type { GrammarSource, GrammarTemplate, NameScope } from './builder.js';
export { deviceNameScopes } from './name-scope.js';
export { deviceSlotRanges, deviceSlotValues } from './device-slots.js';

export function exportGrammar(source: GrammarSource, options: GrammarExportOptions = {}): ExportedGrammar {
  const started = performance.now();
  const built = buildGrammar(source, options);
  const jsgf = writeJsgf(built, options);
  const { phrases, truncated } = writePhrases(built, options);
  const words = new Set<string>();
  for (const rule of built.rules) collectWords(rule.body, words);
  return {
    jsgf,
    phrases,
    words: [...words].sort(),
    unknownWords: [...built.lexicon.unknown].map(([word, context]) => ({ word, in: context })).sort((a, b) => a.word.localeCompare(b.word)),
    pronunciations: built.lexicon.pronunciationsUsed(),
    leftOut: { wildcards: built.leftOutWildcards.sort(), sentences: built.leftOutSentences },
    stats: {
      intents: built.intentRules.length,
      templates: built.templates,
      rules: built.rules.length,
      jsgfBytes: Buffer.byteLength(jsgf),
      inlinedWords: inlinedSize(built.rules, built.intentRules),
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

/**
 * Word arcs once every rule reference is copied in place, which is what pocketsphinx does when it
 * turns JSGF into a finite-state grammar: decoding time follows this number, not the file size.
 */
function inlinedSize(rules: GrammarRule[], roots: string[]): number {
  const byName = new Map(rules.map((r) => [r.name, r]));
  const memo = new Map<string, number>();
  const size = (node: GrammarNode): number => {
    if (node.kind === 'word') return 1;
    if (node.kind === 'seq') return node.items.reduce((n, item) => n + size(item), 0);
    if (node.kind === 'alt') return node.options.reduce((n, option) => n + size(option), 0);
    let known = memo.get(node.rule);
    if (known === undefined) {
      memo.set(node.rule, 0); // recursion guard; rules are not recursive
      known = size(byName.get(node.rule)!.body);
      memo.set(node.rule, known);
    }
    return known;
  };
  return roots.reduce((n, root) => n + size({ kind: 'ref', rule: root }), 0);
}
