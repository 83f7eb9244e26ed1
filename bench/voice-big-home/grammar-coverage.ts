/**
 * How many of the held-out DEV phrasings (test/phrasings/dev, in-scope kinds; never the sealed split) the
 * recogniser's grammar for the 115-device household can produce at all, word for word: a spoken sentence outside
 * the grammar cannot be transcribed, however well it is said, so this bounds spoken accuracy from above.
 * The text is read the way the grammar spells words (lower case, no punctuation, apostrophes dropped, digits as
 * digits are not turned into number words, so the dev cases written with digits (78 of 929) count as outside).
 *   npx tsx bench/voice-big-home/grammar-coverage.ts [--outside]   → the share per kind [and every sentence outside]
 * With --ngram, the same for the n-gram command model (voice.pocketsphinx.commandModel 'ngram'): it can produce any
 * sentence of its words, so the share is of sentences with every word in its vocabulary; and how likely it finds the
 * sentences (mean log10 probability per word, sentence end included) inside and outside the grammar.
 */
import { grammarReader } from '../../hub/language/grammar/testing/produces.js';
import {
  backedOffLog10,
  SENTENCE_END,
  SENTENCE_START,
  type NgramEntry,
} from '../../hub/voice/language-model/backoff-model.js';
import { loadSplit } from '../../test/phrasings/lib/cases.js';
import { inScope } from '../../test/phrasings/lib/report.js';
import { BIG_HOME, benchGrammars, bigHomeLanguageModel } from './grammars.js';

const grammar = grammarReader((await benchGrammars())[BIG_HOME]!);

const spelled = (text: string) =>
  text
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
const ngram = process.argv.includes('--ngram') ? await bigHomeLanguageModel() : undefined;
const vocabulary = new Set(ngram?.words ?? []);
const orders = ngram ? readArpa(ngram.arpa) : [];
const perWord = { inGrammar: [] as number[], outside: [] as number[] };
let inVocabulary = 0;
const perKind = new Map<string, { n: number; inGrammar: number }>();
const cases = loadSplit('dev').filter((c) => inScope(c.kind));
const probe = process.argv.includes('--outside');
for (const c of cases) {
  const words = spelled(c.text);
  const k = perKind.get(c.kind) ?? { n: 0, inGrammar: 0 };
  perKind.set(c.kind, k);
  k.n++;
  const produced = grammar.produces(words);
  if (produced) k.inGrammar++;
  else if (probe) console.log(`  outside: ${words.join(' ')}`);
  if (ngram && words.every((w) => vocabulary.has(w))) {
    inVocabulary++;
    const tokens = [SENTENCE_START, ...words, SENTENCE_END];
    let sum = 0;
    for (let i = 1; i < tokens.length; i++) sum += backedOffLog10(orders, tokens.slice(Math.max(0, i - 2), i + 1));
    (produced ? perWord.inGrammar : perWord.outside).push(sum / (tokens.length - 1));
  }
}
const total = [...perKind.values()].reduce((a, k) => ({ n: a.n + k.n, inGrammar: a.inGrammar + k.inGrammar }), {
  n: 0,
  inGrammar: 0,
});
console.log(`dev phrasings in scope: ${total.inGrammar}/${total.n} the grammar can produce word for word`);
for (const [kind, k] of [...perKind].sort((a, b) => b[1].n - a[1].n))
  console.log(`  ${kind.padEnd(28)} ${k.inGrammar}/${k.n}`);
if (ngram) {
  const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(2);
  console.log(
    `n-gram model (${vocabulary.size} words, ${(ngram.arpa.length / 1e6).toFixed(1)} MB ARPA): ${inVocabulary}/${cases.length} dev phrasings have every word in its vocabulary; mean log10 P per word ${mean(perWord.inGrammar)} for the ${perWord.inGrammar.length} the grammar produces, ${mean(perWord.outside)} for the ${perWord.outside.length} it cannot`,
  );
}
process.exit(0);

/** The n-grams of an ARPA text (the format arpa.ts writes). */
function readArpa(arpa: string): Array<Map<string, NgramEntry>> {
  const out: Array<Map<string, NgramEntry>> = [];
  let current: Map<string, NgramEntry> | undefined;
  for (const line of arpa.split('\n')) {
    if (/^\\\d+-grams:$/.test(line)) out.push((current = new Map()));
    else if (current && line.includes('\t')) {
      const [logProb, words, logBackoff] = line.split('\t');
      current.set(words!, { logProb: Number(logProb), ...(logBackoff ? { logBackoff: Number(logBackoff) } : {}) });
    }
  }
  return out;
}
