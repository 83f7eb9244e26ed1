/**
 * Number ranges as a bounded number-word grammar. Short ranges are listed value by value
 * (exact); long ones use a few shared rules (units, teens, tens, hundreds, thousands) whose size
 * does not depend on the range, so `{seconds}` up to 3600 costs about forty words, not 3600 phrases.
 */
import { numberToWords } from '../numbers.js';
import { alt, phrase, seq, type GrammarNode, type GrammarRule } from './ir.js';

/**
 * Ranges with at most this many values are listed one by one. Kept small because pocketsphinx
 * copies a referenced rule into every place that uses it: "zero…one hundred" listed out is ~190
 * words per copy, the shared below-hundred rule ~40. 31 keeps a thermostat's 5–35 exact.
 */
export const ENUMERATE_MAX = 31;

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const ref = (rule: string): GrammarNode => ({ kind: 'ref', rule });
const words = (list: string[]): GrammarNode =>
  alt(
    list.map((w) => phrase([w])),
    false,
  )!;

/** The shared rules a long range needs, by name. */
export function sharedNumberRules(): GrammarRule[] {
  const below100 = alt(
    [ref('num_units'), ref('num_teens'), seq([ref('num_tens'), alt([ref('num_units')], true)])],
    false,
  )!;
  const hundreds = seq([
    alt([ref('num_units'), phrase(['a'])], false),
    phrase(['hundred']),
    alt([seq([alt([phrase(['and'])], true), ref('num_below_100')])], true),
  ])!;
  const below1000 = alt([ref('num_below_100'), hundreds], false)!;
  // Up to 9 999 ("two thousand and fifty"): enough for any duration or count said aloud.
  const thousands = seq([
    ref('num_units'),
    phrase(['thousand']),
    alt([seq([alt([phrase(['and'])], true), ref('num_below_1000')])], true),
  ])!;
  return [
    { name: 'num_units', kind: 'number', body: words(UNITS) },
    { name: 'num_teens', kind: 'number', body: words(TEENS) },
    { name: 'num_tens', kind: 'number', body: words(TENS) },
    { name: 'num_below_100', kind: 'number', body: below100 },
    { name: 'num_below_1000', kind: 'number', body: below1000 },
    { name: 'num_below_10000', kind: 'number', body: alt([ref('num_below_1000'), thousands], false)! },
  ];
}

/** Values of a range, or undefined when there are too many to list. */
export function enumerateRange(from: number, to: number, step = 1): number[] | undefined {
  if (step <= 0 || to < from) return [];
  if (
    (to - from) / step + 1 > ENUMERATE_MAX ||
    to > 999 ||
    from < 0 ||
    !Number.isInteger(from) ||
    !Number.isInteger(step)
  )
    return undefined;
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

/** The rule for one range: listed values, or a reference to the smallest shared rule that covers it. */
export function rangeRule(
  name: string,
  from: number,
  to: number,
  step = 1,
): { rule: GrammarRule; needsShared: boolean } {
  const values = enumerateRange(from, to, step);
  if (values)
    return {
      rule: {
        name,
        kind: 'number',
        body:
          alt(
            values.map((v) => phrase(numberToWords(v).split(' '))),
            false,
          ) ?? phrase(['zero']),
      },
      needsShared: false,
    };
  const top = to <= 100 ? 'num_below_100' : to < 1000 ? 'num_below_1000' : 'num_below_10000';
  const options: GrammarNode[] = [ref(top)];
  if (from <= 0) options.unshift(phrase(['zero']));
  if (to === 100) options.push(seq([alt([phrase(['one']), phrase(['a'])], false), phrase(['hundred'])])!);
  const body = alt(options, false)!;
  return { rule: { name, kind: 'number', body }, needsShared: true };
}
