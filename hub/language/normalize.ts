/**
 * Text → tokens, the same way for templates and for what people say, so both sides compare equal.
 * Bounded work: input is cut at MAX_INPUT_CHARS and MAX_TOKENS before anything else looks at it.
 */
export const MAX_INPUT_CHARS = 2000;
export const MAX_TOKENS = 48;

export const CONTRACTIONS: Readonly<Record<string, string>> = {
  "what's": 'what is',
  whats: 'what is',
  "it's": 'it is',
  "that's": 'that is',
  "there's": 'there is',
  "how's": 'how is',
  "where's": 'where is',
  "who's": 'who is',
  "when's": 'when is',
  "let's": 'let us',
  "i'm": 'i am',
  "i'd": 'i would',
  "i'll": 'i will',
  "i've": 'i have',
  "we've": 'we have',
  "you've": 'you have',
  "they've": 'they have',
  "you're": 'you are',
  "we're": 'we are',
  "they're": 'they are',
  "don't": 'do not',
  dont: 'do not',
  "doesn't": 'does not',
  "isn't": 'is not',
  "aren't": 'are not',
  "can't": 'can not',
  cannot: 'can not',
  // Typed without the apostrophe, as people do in a hurry.
  cant: 'can not',
  doesnt: 'does not',
  isnt: 'is not',
  arent: 'are not',
  didnt: 'did not',
  wasnt: 'was not',
  wouldnt: 'would not',
  couldnt: 'could not',
  havent: 'have not',
  "won't": 'will not',
  "didn't": 'did not',
  "wasn't": 'was not',
  "shouldn't": 'should not',
  "wouldn't": 'would not',
  "couldn't": 'could not',
  "haven't": 'have not',
  "hasn't": 'has not',
  "he's": 'he is',
  "she's": 'she is',
  "we'll": 'we will',
  "you'll": 'you will',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  "'em": 'them',
};

/** Words said or typed short, read as the whole word ("the temp in here"). */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  temp: 'temperature',
  temps: 'temperatures',
};

/** Said of a thing after "'s" for "is" ("the bread's finished", "butter's done"), never a thing it owns. */
const IS_BEFORE = new Set(['done', 'finished', 'bought', 'sorted']);

/** Free text written with the "'s" that stood for "is" after it ("rice's done" → "rice"), as tokenize reads it. */
export function withoutIs(surface: string, text: string): string {
  if (!/'s$/i.test(surface)) return surface;
  const at = text.toLowerCase().indexOf(surface.toLowerCase());
  const next = at < 0 ? undefined : /^\s+(\p{L}+)/u.exec(text.slice(at + surface.length))?.[1];
  return next !== undefined && IS_BEFORE.has(next.toLowerCase()) ? surface.slice(0, -2) : surface;
}

/** Lowercases, folds unicode and apostrophes, expands contractions, splits numbers from units. */
export function normalizeText(input: string): string {
  let text = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  text = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    // Letters drawn out for effect ("pleeease", "nooo"): English words have no letter three times in a row.
    .replace(/(\p{L})\1{2,}/gu, '$1');
  text = text
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/(\d)\s*%/g, '$1 percent ')
    .replace(/(\d)\s*°\s*[cf]?\b/g, '$1 degrees ')
    .replace(/%/g, ' percent ')
    .replace(/&/g, ' and ')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2');
  // Words of a compound written apart ("an audio book", "my play list"); "play list" only after whose or which it is.
  text = text
    .replace(/\baudio books?\b/g, (w) => w.replace(' ', ''))
    .replace(/\bpod ?casts?\b/g, (w) => w.replace(' ', ''))
    .replace(/\b(my|our|your|the|a|this|that) play (lists?)\b/g, '$1 play$2');
  // Keep letters (any script), digits, apostrophes inside words and decimal points inside numbers.
  // NUL is a placeholder for the decimal point that no normalised text can contain.
  text = text.replace(/(\d)\.(\d)/g, '$1\u0000$2');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL placeholder above survives this pass
  text = text.replace(/[^\p{L}\p{N}'\u0000]+/gu, ' ');
  text = text.replaceAll('\u0000', '.');
  return text.trim();
}

/**
 * `said: true` keeps short forms as they are: the words of a sentence template or a list value as the speech
 * recogniser's grammar spells them ("temp" stays a word it can hear; what it hears is read as "temperature").
 */
export function tokenize(input: string, options: { said?: boolean } = {}): string[] {
  const tokens: string[] = [];
  const raws = normalizeText(input).split(' ');
  for (const [i, raw] of raws.entries()) {
    if (tokens.length >= MAX_TOKENS) break;
    const word = raw.replace(/^'+|'+$/g, '');
    if (!word) continue;
    const expanded = CONTRACTIONS[word] ?? (options.said ? undefined : SHORT_FORMS[word]);
    if (expanded) tokens.push(...expanded.split(' '));
    else if (word.endsWith("'s") && IS_BEFORE.has(raws[i + 1] ?? ''))
      tokens.push(word.slice(0, -2), 'is'); // "the milk's done": is, not whose
    else if (word.endsWith("'s"))
      tokens.push(word.slice(0, -2)); // possessive: "the kitchen's light"
    else tokens.push(word.replace(/'/g, ''));
  }
  return tokens.length > MAX_TOKENS ? tokens.slice(0, MAX_TOKENS) : tokens;
}
