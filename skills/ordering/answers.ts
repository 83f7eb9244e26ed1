/**
 * Reading the short answers of an ordering dialog from the raw follow-up text: yes or no, a spoken PIN,
 * and which of the offered products was meant.
 */
import type { ProductRef } from '../../hub/sdk/index.js';

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/n't\b/g, ' not')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

const YES_STARTS = [
  'yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'alright', 'all right', 'correct', 'right', 'affirmative', 'absolutely',
  'definitely', 'go ahead', 'do it', 'please do', 'confirm', 'confirmed', 'sounds good', 'go for it', 'order it', 'buy it',
  'send it', 'cancel it', 'please', 'that is right', 'that is it', 'make it so',
];
const NO_STARTS = [
  'no', 'nope', 'nah', 'negative', 'do not', 'dont', 'never mind', 'nevermind', 'forget it', 'stop', 'abort', 'not now',
  'i changed my mind', 'changed my mind', 'leave it', 'skip it', 'that is wrong', 'that is not right', 'cancel that',
];

const startsWith = (ws: string[], phrase: string) => {
  const p = phrase.split(' ');
  return p.every((w, i) => ws[i] === w);
};

/** `cancelMeansYes`: in "cancel your order?" a bare "cancel" answers yes. */
export function parseYesNo(text: string, options: { cancelMeansYes?: boolean } = {}): 'yes' | 'no' | undefined {
  const ws = words(text);
  if (!ws.length) return undefined;
  if (options.cancelMeansYes && (ws[0] === 'cancel' && ws.length <= 3 && !ws.includes('that'))) return 'yes';
  if (NO_STARTS.some((p) => startsWith(ws, p))) return 'no';
  if (YES_STARTS.some((p) => startsWith(ws, p))) return 'yes';
  return undefined;
}

const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', nought: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
const PIN_FILLER = new Set(['my', 'the', 'pin', 'code', 'purchase', 'number', 'is', 'it', 'its', 's', 'okay', 'ok', 'yes', 'sure', 'please']);

/** "1 2 3 4", "one two three four", "my pin is 1234" → "1234"; anything else → undefined. */
export function parsePin(text: string): string | undefined {
  let digits = '';
  for (const w of words(text)) {
    if (/^\d+$/.test(w)) digits += w;
    else if (DIGIT_WORDS[w]) digits += DIGIT_WORDS[w];
    else if (!PIN_FILLER.has(w)) return undefined;
  }
  return /^\d{4,8}$/.test(digits) ? digits : undefined;
}

const ORDINALS: Record<string, number> = { first: 0, one: 0, '1st': 0, second: 1, two: 1, '2nd': 1, third: 2, three: 2, '3rd': 2, fourth: 3, '4th': 3, fifth: 4, '5th': 4 };
const CHOICE_FILLER = new Set(['the', 'a', 'an', 'one', 'please', 'i', 'mean', 'meant', 'want', 'take', 'that', 'those', 'them', 'of', 'it', 'some', 'pack', 'bag']);

const singular = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** "the second one", "the pods", "decaf" → the candidate meant; undefined when it is not clearly one of them. */
export function pickCandidate(text: string, candidates: readonly ProductRef[]): ProductRef | undefined {
  const ws = words(text);
  if (ws.includes('last') && ws.length <= 3) return candidates.at(-1);
  const ordinal = ws.find((w) => w in ORDINALS && (w !== 'one' && w !== 'two' && w !== 'three' ? true : ws.length <= 2));
  if (ordinal !== undefined && ws.filter((w) => !CHOICE_FILLER.has(w) && !(w in ORDINALS)).length === 0) return candidates[ORDINALS[ordinal]!];
  const said = new Set(ws.filter((w) => !CHOICE_FILLER.has(w)).map(singular));
  if (!said.size) return undefined;
  const scored = candidates
    .map((c) => {
      const title = words(c.title).map(singular);
      const shared = title.filter((w) => said.has(w)).length;
      // Every word of the title said ("morning ridge coffee beans") beats a longer title that merely contains them.
      return { c, score: shared === 0 ? 0 : shared + (shared === title.length ? 0.5 : 0) };
    })
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best || best.score <= 0 || (next && next.score === best.score)) return undefined;
  return best.c;
}
