/**
 * The command state's n-gram language model (an alternative to the command grammar, voice.pocketsphinx.commandModel):
 * sentences drawn from the grammar the templates and the household's names make, the phrasings the parts reader
 * accepts besides them, and the wake phrase before some; a trigram model estimated from them, written as ARPA.
 * Built the same way from the same inputs, it is the same model (the draws are seeded).
 */
import { seededRandom } from '../../core/seeded-random.js';
import type { IntentCues } from '../../sdk/intent-declaration.js';
import { estimateBackoffModel } from './backoff-model.js';
import { writeArpa } from './arpa.js';
import { sampleGrammar, type SampleSource } from './grammar-sampler.js';
import { phrasingVariants } from './phrasing-variants.js';

export interface CommandModelInput {
  grammar: SampleSource;
  /** The intent an intent rule of the grammar says (for its cues). */
  intentOfRule(rule: string): string | undefined;
  cuesOf(intent: string): IntentCues | undefined;
  /** Filler phrases the parts reader skips (hub/language/lexicon). */
  fillers: readonly string[];
  /** Whether the recogniser can say a word. */
  knows(word: string): boolean;
  /** Said before a command, or alone. */
  wakePhrase: readonly string[];
}

export interface CommandLanguageModel {
  arpa: string;
  /** Every word the model can produce (the recogniser must know them before it loads the model). */
  words: string[];
  sentences: number;
}

/** Share of sentences also said after the wake phrase (the grammar's 3 in 4 paths with an optional wake phrase). */
const AFTER_WAKE = 0.25;
const SEED = 0x4ea27;

export function buildCommandLanguageModel(input: CommandModelInput): CommandLanguageModel {
  const random = seededRandom(SEED);
  const fillers = input.fillers
    .map((f) => f.split(' ').filter(Boolean))
    .filter((f) => f.length > 0 && f.every(input.knows));
  const wake = input.wakePhrase.every(input.knows) ? input.wakePhrase : [];
  const sentences: string[][] = wake.length > 0 ? [[...wake]] : [];
  for (const { rule, words } of sampleGrammar(input.grammar, { random })) {
    const intent = input.intentOfRule(rule);
    const cues = intent ? input.cuesOf(intent) : undefined;
    const variants = [words, ...phrasingVariants(words, { cues, fillers, knows: input.knows, random })];
    for (const variant of variants) {
      sentences.push(variant);
      if (wake.length > 0 && random() < AFTER_WAKE) sentences.push([...wake, ...variant]);
    }
  }
  const model = estimateBackoffModel(sentences);
  const words = [...model.orders[0]!.keys()].filter((w) => !w.startsWith('<'));
  return { arpa: writeArpa(model), words, sentences: sentences.length };
}
