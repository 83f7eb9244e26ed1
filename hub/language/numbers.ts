/** Spoken and written numbers: "50", "20.5", "fifty", "twenty one", "a hundred", "one hundred and five", "seven point five". */
const UNITS: Record<string, number> = {
  zero: 0,
  oh: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const DIGITS = /^\d{1,7}(\.\d{1,3})?$/;

export interface NumberReading {
  value: number;
  /** Index after the last token used. */
  end: number;
}

/** Reads 0..99 in words at `pos`. */
function readBelowHundred(tokens: readonly string[], pos: number): NumberReading | undefined {
  const first = tokens[pos];
  if (first === undefined) return undefined;
  if (first in UNITS) return { value: UNITS[first]!, end: pos + 1 };
  const tens = TENS[first];
  if (tens === undefined) return undefined;
  const next = tokens[pos + 1];
  if (next !== undefined && next in UNITS && UNITS[next]! >= 1 && UNITS[next]! <= 9)
    return { value: tens + UNITS[next]!, end: pos + 2 };
  return { value: tens, end: pos + 1 };
}

function readWords(tokens: readonly string[], pos: number): NumberReading | undefined {
  let start = pos;
  let hundreds: number | undefined;
  if ((tokens[pos] === 'a' || tokens[pos] === 'one') && tokens[pos + 1] === 'hundred') {
    hundreds = 100;
    start = pos + 2;
  } else {
    const lead = readBelowHundred(tokens, pos);
    if (!lead) return undefined;
    if (tokens[lead.end] === 'hundred' && lead.value >= 1 && lead.value <= 9) {
      hundreds = lead.value * 100;
      start = lead.end + 1;
    } else {
      return lead;
    }
  }
  let afterAnd = start;
  if (tokens[afterAnd] === 'and') afterAnd++;
  const rest = readBelowHundred(tokens, afterAnd);
  if (rest && rest.value > 0) return { value: hundreds + rest.value, end: rest.end };
  return { value: hundreds, end: start };
}

/** Every way a number can be read at `pos`, longest first (so "twenty five" is tried before "twenty"). */
export function readNumbers(tokens: readonly string[], pos: number): NumberReading[] {
  const token = tokens[pos];
  if (token === undefined) return [];
  if (DIGITS.test(token)) return [{ value: Number(token), end: pos + 1 }];
  const whole = readWords(tokens, pos);
  if (!whole) return [];
  // A lone "oh" is a sigh ("oh, never mind"), not a zero; "seven oh five" still reads.
  if (token === 'oh' && whole.end === pos + 1) return [];
  const readings: NumberReading[] = [];
  // "seven point five" → 7.5
  if (tokens[whole.end] === 'point' && tokens[whole.end + 1] !== undefined && tokens[whole.end + 1]! in UNITS) {
    const digit = UNITS[tokens[whole.end + 1]!]!;
    if (digit <= 9) readings.push({ value: whole.value + digit / 10, end: whole.end + 2 });
  }
  readings.push(whole);
  // A shorter reading lets "twenty five minutes" also be tried as "twenty" + "five…" by the matcher.
  const first = readBelowHundred(tokens, pos);
  if (first && first.end < whole.end) readings.push(first);
  return readings;
}

const UNIT_NAMES = Object.keys(UNITS).filter((w) => w !== 'oh');
const TEN_NAMES = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** The usual spoken form of an integer 0..999, for grammar export. */
export function numberToWords(value: number): string {
  if (value < 20) return UNIT_NAMES[value]!;
  if (value < 100) {
    const unit = value % 10;
    const tens = TEN_NAMES[Math.floor(value / 10) - 2]!;
    return unit === 0 ? tens : `${tens} ${UNIT_NAMES[unit]}`;
  }
  const rest = value % 100;
  const head = `${UNIT_NAMES[Math.floor(value / 100)]} hundred`;
  return rest === 0 ? head : `${head} and ${numberToWords(rest)}`;
}
