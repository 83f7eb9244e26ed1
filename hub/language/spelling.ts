/**
 * Typing slips in the words requests are made of ("the shoping list", "turnn off", "the grocery lsit"): a word that no
 * English dictionary knows and that is one edit (a letter added, dropped or changed, two letters swapped) from exactly
 * one word of the hub's sentences is read as that word. Real words are never changed ("bing", "lint"), nor the words of
 * the household's names, nor short words, nor a plural of a sentence word ("podcasts"); without a dictionary to tell
 * real words from slips nothing is changed.
 */
import type { WordDictionary } from './grammar/dictionary.js';
import { editDistance } from './slot-readings.js';
import type { SlotListSet } from './slot-lists.js';

/** Shorter words have too many neighbours one edit away to guess from. */
const MIN_LETTERS = 4;
/** A written word with its apostrophes ("wouldn't", "emma's"): those are contractions and possessives, not slips. */
const WORD = /\p{L}+(?:['\u2019\u02bc`´]\p{L}+)*/gu;
const APOSTROPHE = /['\u2019\u02bc`´]/u;

export class Speller {
  private readonly words: ReadonlySet<string>;
  /** Each word and each of its one-letter deletions → the words it came from (symmetric-delete lookup). */
  private readonly byDeletion = new Map<string, string[]>();

  constructor(
    vocabulary: Iterable<string>,
    private readonly dictionary: WordDictionary | undefined,
    private readonly lists: SlotListSet,
  ) {
    const words = new Set<string>();
    for (const word of vocabulary) if (/^\p{L}+$/u.test(word)) words.add(word);
    this.words = words;
    if (!dictionary) return;
    for (const word of words) {
      if (word.length < MIN_LETTERS) continue;
      for (const key of deletions(word)) {
        const from = this.byDeletion.get(key);
        if (from) from.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
  }

  /** The text with its slips corrected (lowercased where a word changed); the same string when there are none. */
  correct(text: string): string {
    if (!this.dictionary || this.byDeletion.size === 0) return text;
    return text.replace(WORD, (said) => (APOSTROPHE.test(said) ? said : (this.wordFor(said.toLowerCase()) ?? said)));
  }

  private wordFor(said: string): string | undefined {
    if (said.length < MIN_LETTERS || this.words.has(said)) return undefined;
    const near = new Set<string>();
    for (const key of deletions(said)) for (const word of this.byDeletion.get(key) ?? []) near.add(word);
    // The likeliest slip decides between neighbours ("shoping": "shopping" with a doubled letter dropped, not "showing").
    let best: string[] = [];
    let bestRank = Number.POSITIVE_INFINITY;
    for (const word of near) {
      if (editDistance(said, word, 1) > 1) continue;
      const rank = slipRank(said, word);
      if (rank < bestRank) [best, bestRank] = [[word], rank];
      else if (rank === bestRank) best.push(word);
    }
    if (best.length !== 1) return undefined;
    const word = best[0]!;
    if (said === `${word}s` || word === `${said}s`) return undefined;
    if (this.dictionary!.has(said) || this.inNames(said)) return undefined;
    return word;
  }

  /** A word of a device's, room's or list value's name ("Roomba"): the household's own word, not a slip. */
  private inNames(said: string): boolean {
    for (const name of this.lists.names()) {
      const list = this.lists.get(name);
      if (list?.kind === 'values' && list.entries.some((entry) => entry.tokens.includes(said))) return true;
    }
    return false;
  }
}

/**
 * How typists make a slip, likeliest first: a doubled letter typed once or twice ("shoping", "turnn") or two letters
 * swapped ("lsit") 0, another letter added or dropped 1, a letter changed 2. `said` and `word` are one edit apart.
 */
function slipRank(said: string, word: string): number {
  if (said.length === word.length) {
    const i = [...said].findIndex((c, k) => c !== word[k]);
    return said[i] === word[i + 1] && said[i + 1] === word[i] ? 0 : 2;
  }
  const [long, short] = said.length > word.length ? [said, word] : [word, said];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long[i] === long[i - 1] || long[i] === long[i + 1] ? 0 : 1;
}

/** The word and every string one letter shorter. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
