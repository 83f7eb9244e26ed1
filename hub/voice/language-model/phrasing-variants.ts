/**
 * Sentences the grammar cannot produce but the understanding's parts reader accepts, made from a grammar sentence
 * and the same lexicon the reader uses: another of the intent's action cues in place of the one said, a cue's last
 * word after the target ("turn the porch light off") or alone ("porch light off"), and fillers before or after.
 */
import type { ActionCue, IntentCues } from '../../sdk/intent-declaration.js';
import { tokenize } from '../../language/normalize.js';

export interface VariantLexicon {
  /** The intent's cues (undefined: the intent has none, only fillers are added). */
  cues: IntentCues | undefined;
  /** Filler phrases the reader skips, tokenized, only those made of words the recogniser knows. */
  fillers: readonly (readonly string[])[];
  /** Whether the recogniser can say a word (the pronouncing dictionary's). */
  knows(word: string): boolean;
  random: () => number;
}

/** Share of sentences that also appear with a filler before them, and after them. */
const FILLER_BEFORE = 0.25;
const FILLER_AFTER = 0.1;

export function phrasingVariants(words: readonly string[], lexicon: VariantLexicon): string[][] {
  const out: string[][] = [];
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(lexicon.random() * list.length)];
  const cues = lexicon.cues ? cueTokens(lexicon.cues, lexicon.knows) : undefined;
  if (cues) {
    const said = cues.all.filter((cue) => startsWith(words, cue)).sort((a, b) => b.length - a.length)[0];
    const rest = said ? words.slice(said.length) : [];
    const other = pick(cues.plain);
    if (said && rest.length > 0 && other) {
      out.push([...other, ...rest]);
      for (const cue of [said, other]) {
        const last = cue[cue.length - 1]!;
        // A cue whose last word is a cue of its own ("turn off" / "off") may have it after the target.
        if (cue.length < 2 || !cues.single.has(last)) continue;
        out.push([...cue.slice(0, -1), ...rest, last]);
        out.push([...(rest[0] === 'the' ? rest.slice(1) : rest), last]);
      }
    }
  }
  const filler = pick(lexicon.fillers);
  if (filler && lexicon.random() < FILLER_BEFORE) out.push([...filler, ...words]);
  const after = pick(lexicon.fillers);
  if (after && lexicon.random() < FILLER_AFTER) out.push([...words, ...after]);
  return out.filter((v) => v.length > 0);
}

interface CueTokens {
  all: string[][];
  /** Cues that name the action outright for any target: safe to say in place of another. */
  plain: string[][];
  /** One-word cues. */
  single: Set<string>;
}

/** By the recogniser's words, then by intent: a model build asks for each intent's cues once per sentence. */
const tokenized = new WeakMap<(word: string) => boolean, WeakMap<IntentCues, CueTokens>>();

function cueTokens(cues: IntentCues, knows: (word: string) => boolean): CueTokens {
  let byCues = tokenized.get(knows);
  if (!byCues) tokenized.set(knows, (byCues = new WeakMap()));
  let out = byCues.get(cues);
  if (!out) {
    const entries = cues.actions
      .map((cue) => ({ cue, tokens: tokenize(wordsOf(cue)) }))
      .filter(({ tokens }) => tokens.length > 0 && tokens.every(knows));
    out = {
      all: entries.map((e) => e.tokens),
      plain: entries.filter((e) => isPlain(e.cue)).map((e) => e.tokens),
      single: new Set(entries.filter((e) => e.tokens.length === 1).map((e) => e.tokens[0]!)),
    };
    byCues.set(cues, out);
  }
  return out;
}

function wordsOf(cue: ActionCue): string {
  return typeof cue === 'string' ? cue : cue.words;
}

function isPlain(cue: ActionCue): boolean {
  return typeof cue === 'string' || (!cue.domains && !cue.slots && !cue.isTopic && (cue.weight ?? 1) >= 1);
}

function startsWith(words: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= words.length && prefix.every((w, i) => words[i] === w);
}
