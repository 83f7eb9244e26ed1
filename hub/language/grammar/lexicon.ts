/**
 * Turns template tokens into words a recogniser can say: digits are spelled out, anything
 * that is not a lowercase dictionary word is reported and (by default) left out of the grammar.
 */
import { numberToWords } from '../numbers.js';
import type { WordDictionary } from './dictionary.js';

export interface LexiconOptions {
  /** Words the recogniser knows; without one every well-formed word is accepted. */
  dictionary?: WordDictionary;
  /**
   * Extra pronunciations (word → ARPAbet phones, e.g. `lavazza: "L AH V AA T S AH"`): such words
   * count as known and are handed to the voice layer to add to the recogniser's dictionary.
   */
  pronunciations?: Record<string, string>;
  /** `drop` (default): phrases with unknown words leave the grammar. `keep`: they stay, only reported. */
  unknownWords?: 'drop' | 'keep';
}

const WORD = /^[a-z][a-z'-]*$/;

export class Lexicon {
  /** Unknown word → a phrase it occurred in, for the warning. */
  readonly unknown = new Map<string, string>();
  readonly used = new Set<string>();
  private readonly extra: Map<string, string>;

  constructor(private readonly options: LexiconOptions = {}) {
    this.extra = new Map(Object.entries(options.pronunciations ?? {}).map(([w, p]) => [w.toLowerCase(), p]));
  }

  /** The spoken words for one token, or undefined when the token cannot be said. */
  spell(token: string, context: string): string[] | undefined {
    const words = /^\d/.test(token) ? spellDigits(token) : [token];
    if (!words) {
      this.unknown.set(token, context);
      return undefined;
    }
    let ok = true;
    for (const word of words) {
      if (this.known(word)) continue;
      this.unknown.set(word, context);
      ok = false;
    }
    if (!ok && this.options.unknownWords !== 'keep') return undefined;
    for (const word of words) this.used.add(word);
    return words;
  }

  /** Spells a whole phrase (already tokenized); undefined if any token cannot be said. */
  spellAll(tokens: readonly string[]): string[] | undefined {
    const context = tokens.join(' ');
    const out: string[] = [];
    for (const token of tokens) {
      const words = this.spell(token, context);
      if (!words) return undefined;
      out.push(...words);
    }
    return out;
  }

  pronunciationsUsed(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [word, phones] of this.extra) if (this.used.has(word)) out[word] = phones;
    return out;
  }

  private known(word: string): boolean {
    if (!WORD.test(word)) return false;
    if (this.extra.has(word)) return true;
    return this.options.dictionary ? this.options.dictionary.has(word) : true;
  }
}

/** "21" → twenty one, "2024" → two thousand and twenty four, "7.5" → seven point five. */
export function spellDigits(token: string): string[] | undefined {
  const match = /^(\d{1,6})(?:\.(\d{1,3}))?$/.exec(token);
  if (!match) return undefined;
  const whole = Number(match[1]);
  const words = spellInteger(whole);
  if (match[2] === undefined) return words;
  return [...words, 'point', ...[...match[2]].map((d) => numberToWords(Number(d)))];
}

function spellInteger(value: number): string[] {
  if (value < 1000) return numberToWords(value).split(' ');
  const thousands = Math.floor(value / 1000);
  const rest = value % 1000;
  const head = [...numberToWords(thousands).split(' '), 'thousand'];
  if (rest === 0) return head;
  return rest < 100
    ? [...head, 'and', ...numberToWords(rest).split(' ')]
    : [...head, ...numberToWords(rest).split(' ')];
}
