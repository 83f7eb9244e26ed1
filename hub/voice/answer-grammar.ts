/**
 * What can be said while a question is open. The command grammar holds commands only: a PIN, a bare "yes" or
 * "the second one" means something only as the answer to a question, so outside one the recogniser cannot hear
 * them (out-of-scope speech used to decode as digits and be taken for a purchase PIN). While a question is open
 * its answers are decoded with a small grammar of just those answers, which hears them far better than the
 * whole command grammar does; speech that fits none of them falls back to the command grammar (the recogniser's
 * rejection, pocketsphinx-rejection.ts).
 */
import { createHash } from 'node:crypto';
import { DIGIT_WORDS, NO_STARTS, YES_STARTS, words as answerWords, type ExpectedAnswer } from '../sdk/answers.js';
import type { Grammar } from './recognizers/types.js';

/**
 * Intents that are answers, not commands: understood when typed (hub/language, the ordering skill), left out of
 * the speech recogniser's command grammar and heard only through an open question's grammar.
 */
export const ANSWER_INTENTS: ReadonlySet<string> = new Set(['HassYes', 'HassNo', 'PurchasePin']);

const POLITE = ['please', 'thanks', 'thank you', 'thank you very much'];
const PIN_LEAD = '[[my] [purchase] (pin | pin code | code) is]';
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const MAX_CHOICE_WORDS = 8;

/**
 * The answers as phrases, for recognisers without answer grammars (Vosk takes a phrase list; its words combine).
 */
export function answerPhrases(): string[] {
  return [...new Set([...YES_STARTS, ...NO_STARTS, ...Object.keys(DIGIT_WORDS), ...ORDINALS, 'pin', 'code'])];
}

/** The recogniser's name for the grammar of one kind of question (choices: one per set of choices). */
export function answerGrammarName(expect: ExpectedAnswer): string {
  const parts = [expect.yesNo ? 'yes-no' : '', expect.pin ? 'pin' : ''].filter(Boolean);
  if (expect.choices?.length)
    parts.push(`choice-${createHash('sha1').update(expect.choices.join('\n')).digest('hex').slice(0, 10)}`);
  return parts.length ? parts.join('-') : 'yes-no';
}

/**
 * The JSGF of the answers `expect` takes (plus "never mind"), words the recogniser does not know left out
 * (`known`), e.g. a product's brand name: its other words still pick it.
 */
export function answerGrammar(expect: ExpectedAnswer, known: (word: string) => boolean): Grammar {
  const phrase = (text: string): string | undefined => {
    const ws = answerWords(text).filter((w) => !/^\d+$/.test(w) && known(w));
    return ws.length ? ws.join(' ') : undefined;
  };
  const list = (items: readonly string[]) =>
    [...new Set(items.map(phrase).filter((p): p is string => p !== undefined))].join(' | ');
  const rules: string[] = [];
  const answers: string[] = [];
  const polite = `[${list(POLITE)}]`;
  const yesNo = expect.yesNo === true || (!expect.pin && !expect.choices?.length);
  if (yesNo) {
    rules.push(
      `<yes> = (${list(YES_STARTS)}) [${list(YES_STARTS)}] ${polite};`,
      `<no> = (${list(NO_STARTS)}) [${list(NO_STARTS)}] ${polite};`,
    );
    answers.push('<yes>', '<no>');
  } else {
    // Whatever else is asked, "no" and "never mind" end it.
    rules.push(
      `<no> = (${list(['no', 'nope', 'never mind', 'forget it', 'cancel', 'cancel that', 'stop'])}) ${polite};`,
    );
    answers.push('<no>');
  }
  if (expect.pin) {
    const digits = list(Object.keys(DIGIT_WORDS).filter((w) => w.length > 1));
    rules.push(
      `<digit> = ${digits};`,
      `<pin> = ${PIN_LEAD} <digit> <digit> <digit> <digit> [<digit>] [<digit>] [<digit>] [<digit>];`,
    );
    answers.push('<pin>');
  }
  const choices = (expect.choices ?? [])
    .map((c) => phrase(c)?.split(' ').slice(0, MAX_CHOICE_WORDS).join(' '))
    .filter((c): c is string => c !== undefined);
  if (choices.length) {
    const ordinals = list([...ORDINALS.slice(0, Math.min(ORDINALS.length, choices.length)), 'last']);
    // "the desk one": a word of one choice's name that no other choice has picks it.
    const named = choices.map((c) => new Set(c.split(' ')));
    const distinct = [
      ...new Set(named.flatMap((ws, i) => [...ws].filter((w) => named.every((other, j) => j === i || !other.has(w))))),
    ];
    const picks = [`(${[...new Set(choices)].join(' | ')}) [one | please]`, `(${ordinals}) [one] [please]`];
    if (distinct.length) picks.push(`(${distinct.join(' | ')}) one [please]`);
    rules.push(`<choice> = [i (mean | want | will take)] [the] (${picks.join(' | ')});`);
    answers.push('<choice>');
  }
  return {
    jsgf: `#JSGF V1.0;\ngrammar hearth_answer;\npublic <answer> = ${answers.join(' | ')};\n${rules.join('\n')}\n`,
  };
}
