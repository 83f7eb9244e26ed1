/**
 * How many of the held-out DEV phrasings (test/phrasings/dev, in-scope kinds; never the sealed split) the
 * recogniser's grammar for the 115-device household can produce at all, word for word: a spoken sentence outside
 * the grammar cannot be transcribed, however well it is said, so this bounds spoken accuracy from above.
 * The text is read the way the grammar spells words (lower case, no punctuation, apostrophes dropped, digits as
 * digits are not turned into number words, so the dev cases written with digits (78 of 929) count as outside).
 *   npx tsx bench/voice-big-home/grammar-coverage.ts [--outside]   → the share per kind [and every sentence outside]
 */
import type { GrammarNode } from '../../hub/language/grammar/ir.js';
import { jsgfRule } from '../../hub/language/grammar/testing/sentences.js';
import { loadSplit } from '../../test/phrasings/lib/cases.js';
import { inScope } from '../../test/phrasings/lib/report.js';
import { BIG_HOME, benchGrammars } from './grammars.js';

const jsgf = (await benchGrammars())[BIG_HOME]!.replace(/\/[\d.e-]+\//g, ' ');
const rules = new Map<string, GrammarNode>();
const rule = (name: string) => {
  let node = rules.get(name);
  if (!node) rules.set(name, (node = jsgfRule(jsgf.replace(/^public /gm, ''), name)));
  return node;
};

/** The positions where `node` can end when it starts at `from`. */
function ends(node: GrammarNode, words: readonly string[], from: number, memo: Map<string, Set<number>>): Set<number> {
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
}

const spelled = (text: string) =>
  text
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
const top = { kind: 'ref', rule: 'hearth_utterance' } as const;
const perKind = new Map<string, { n: number; inGrammar: number }>();
const cases = loadSplit('dev').filter((c) => inScope(c.kind));
const probe = process.argv.includes('--outside');
for (const c of cases) {
  const words = spelled(c.text);
  const k = perKind.get(c.kind) ?? { n: 0, inGrammar: 0 };
  perKind.set(c.kind, k);
  k.n++;
  if (ends(top, words, 0, new Map()).has(words.length)) k.inGrammar++;
  else if (probe) console.log(`  outside: ${words.join(' ')}`);
}
const total = [...perKind.values()].reduce((a, k) => ({ n: a.n + k.n, inGrammar: a.inGrammar + k.inGrammar }), {
  n: 0,
  inGrammar: 0,
});
console.log(`dev phrasings in scope: ${total.inGrammar}/${total.n} the grammar can produce word for word`);
for (const [kind, k] of [...perKind].sort((a, b) => b[1].n - a[1].n))
  console.log(`  ${kind.padEnd(28)} ${k.inGrammar}/${k.n}`);
process.exit(0);
