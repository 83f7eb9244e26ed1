/**
 * Reading short spoken answers from the raw follow-up text: yes or no, and a PIN said digit by digit.
 * Any skill that asks a question back uses these, so "yeah, go ahead" and "four three two one" read the same everywhere.
 */

/**
 * What answers an open question takes, so a speech recogniser can listen for just those while it is open (and
 * never hear a PIN or a bare "yes" as a command otherwise). A question without one is taken as yes/no; whatever
 * fits none of its answers is heard as a command instead.
 */
export interface ExpectedAnswer {
  /** "yes", "no", "go ahead", "cancel that" (YES_STARTS / NO_STARTS below). */
  yesNo?: boolean;
  /** A PIN said digit by digit, 4 to 8 digits ("my pin is four three two one"). */
  pin?: boolean;
  /** What the person may pick, as it would be said ("morning ridge coffee beans"); ordinals are always understood. */
  choices?: readonly string[];
}

/** Lower-case words with punctuation dropped and "n't" spelled out ("don't" → "do not"). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/n't\b/g, ' not')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

export const YES_STARTS: readonly string[] = [
  'yes',
  'yeah',
  'yep',
  'yup',
  'sure',
  'ok',
  'okay',
  'alright',
  'all right',
  'correct',
  'right',
  'affirmative',
  'absolutely',
  'definitely',
  'go ahead',
  'do it',
  'please do',
  'confirm',
  'confirmed',
  'sounds good',
  'go for it',
  'order it',
  'buy it',
  'send it',
  'cancel it',
  'please',
  'that is right',
  'that is it',
  'make it so',
];
export const NO_STARTS: readonly string[] = [
  'no',
  'nope',
  'nah',
  'negative',
  'do not',
  'dont',
  'never mind',
  'nevermind',
  'forget it',
  'stop',
  'abort',
  'not now',
  'i changed my mind',
  'changed my mind',
  'leave it',
  'skip it',
  'that is wrong',
  'that is not right',
  'cancel that',
];

const startsWith = (ws: string[], phrase: string) => phrase.split(' ').every((w, i) => ws[i] === w);

/** `cancelMeansYes`: in "cancel your order?" a bare "cancel" answers yes. */
export function parseYesNo(text: string, options: { cancelMeansYes?: boolean } = {}): 'yes' | 'no' | undefined {
  const ws = words(text);
  if (!ws.length) return undefined;
  if (options.cancelMeansYes && ws[0] === 'cancel' && ws.length <= 3 && !ws.includes('that')) return 'yes';
  if (NO_STARTS.some((p) => startsWith(ws, p))) return 'no';
  if (YES_STARTS.some((p) => startsWith(ws, p))) return 'yes';
  return undefined;
}

export const DIGIT_WORDS: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  o: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const PIN_FILLER = new Set([
  'my',
  'the',
  'pin',
  'code',
  'purchase',
  'number',
  'is',
  'it',
  'its',
  's',
  'okay',
  'ok',
  'yes',
  'sure',
  'please',
]);

/** "1 2 3 4", "one two three four", "my pin is 1234" → "1234" (4 to 8 digits); anything else → undefined. */
export function parsePin(text: string): string | undefined {
  let digits = '';
  for (const w of words(text)) {
    if (/^\d+$/.test(w)) digits += w;
    else if (DIGIT_WORDS[w]) digits += DIGIT_WORDS[w];
    else if (!PIN_FILLER.has(w)) return undefined;
  }
  return /^\d{4,8}$/.test(digits) ? digits : undefined;
}
