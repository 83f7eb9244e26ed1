/**
 * Free text as the person wrote it. Matching works on normalised tokens ("emma's playlist" → "emma playlist",
 * "what's" → "what is"), but a shopping item or a title should keep "Emma's" and "Guns N' Roses": the tokens of a
 * free-text value are found again in the original text, with what normalising dropped put back.
 *
 * The search is the regular expression `(?<![\p{L}\p{N}])word[^\p{L}\p{N}]+word…(?![\p{L}\p{N}])` (flags `iu`), each
 * word allowing the possessive or contraction it came from, walked by hand with the same backtracking order: V8
 * compiled such an expression anew for every value (and again after a garbage collection), 1–17 ms a request.
 */
import { CONTRACTIONS } from './normalize.js';

/** A piece of the pattern: literal letters, an apostrophe (' or ’), a run of non-letters, a choice, an optional part. */
type Piece =
  | { kind: 'literal'; codePoints: number[] }
  | { kind: 'apostrophe' }
  | { kind: 'between' }
  | { kind: 'either'; options: Piece[][] }
  | { kind: 'optional'; body: Piece[] };

const cache = new Map<string, Piece[]>();

/** "we are" → the ways it may have been written short ("we're", "were"…), longest expansions first. */
const CONTRACTED = new Map<string, string[]>();
for (const [short, long] of Object.entries(CONTRACTIONS)) {
  const forms = CONTRACTED.get(long) ?? [];
  forms.push(short);
  CONTRACTED.set(long, forms);
}
const LONGEST_EXPANSION = Math.max(...[...CONTRACTED.keys()].map((long) => long.split(' ').length));

const literal = (text: string): Piece => ({ kind: 'literal', codePoints: [...text].map((c) => c.codePointAt(0)!) });
const BETWEEN: Piece = { kind: 'between' };
const APOSTROPHE: Piece = { kind: 'apostrophe' };
/** What a word may carry after an apostrophe: a possessive or a contraction ("emma's", "they're"). */
const ENDING: Piece = {
  kind: 'optional',
  body: [APOSTROPHE, { kind: 'either', options: ['s', 're', 've', 'll', 'd', 'm', 't'].map((e) => [literal(e)]) }],
};

/** Each written word of the value: a token, or a contraction standing for the next few tokens, with runs between. */
function patternOf(tokens: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (i > 0) pieces.push(BETWEEN);
    let taken = 1;
    let word: Piece = { kind: 'either', options: [[literal(tokens[i]!), ENDING]] };
    for (let n = Math.min(LONGEST_EXPANSION, tokens.length - i); n >= 2; n--) {
      const long = tokens.slice(i, i + n);
      const forms = CONTRACTED.get(long.join(' '));
      if (!forms) continue;
      const written = forms.map((form) =>
        form.split("'").flatMap((part, k) => (k > 0 ? [APOSTROPHE] : []).concat(part ? [literal(part)] : [])),
      );
      const spelledOut = long.flatMap((token, k) => (k > 0 ? [BETWEEN] : []).concat(literal(token)));
      word = { kind: 'either', options: [...written, spelledOut] };
      taken = n;
      break;
    }
    pieces.push(word);
    i += taken;
  }
  return pieces;
}

export function surfaceOf(value: string, text: string): string {
  const tokens = value.split(' ').filter(Boolean);
  if (tokens.length === 0) return value;
  const key = tokens.join(' ');
  let pattern = cache.get(key);
  if (!pattern) {
    pattern = patternOf(tokens);
    if (cache.size > 500) cache.clear();
    cache.set(key, pattern);
  }
  const atEnd = (at: number): number | undefined =>
    at < text.length && wordChar(text.codePointAt(at)!) ? undefined : at;
  for (let start = 0; start <= text.length; start += width(text, start)) {
    if (start > 0 && wordChar(codePointBefore(text, start))) continue;
    const end = walk(pattern, 0, text, start, atEnd);
    if (end !== undefined) return text.slice(start, end);
  }
  return value;
}

/**
 * Where `pieces[i..]` can end when matched from `at`, the first way a regular expression would take (choices in
 * order, optional parts and runs as long as they go first), such that `then` accepts the end.
 */
function walk(
  pieces: readonly Piece[],
  i: number,
  text: string,
  at: number,
  then: (at: number) => number | undefined,
): number | undefined {
  if (i === pieces.length) return then(at);
  const piece = pieces[i]!;
  const next = (to: number): number | undefined => walk(pieces, i + 1, text, to, then);
  switch (piece.kind) {
    case 'literal': {
      let to = at;
      for (const wanted of piece.codePoints) {
        if (to >= text.length || !sameLetter(wanted, text.codePointAt(to)!)) return undefined;
        to += width(text, to);
      }
      return next(to);
    }
    case 'apostrophe': {
      if (at >= text.length) return undefined;
      const said = text.codePointAt(at)!;
      return sameLetter(0x27, said) || sameLetter(0x2019, said) ? next(at + width(text, at)) : undefined;
    }
    case 'between': {
      const ends: number[] = [];
      for (let to = at; to < text.length && !wordChar(text.codePointAt(to)!); ) {
        to += width(text, to);
        ends.push(to);
      }
      for (let k = ends.length - 1; k >= 0; k--) {
        const end = next(ends[k]!);
        if (end !== undefined) return end;
      }
      return undefined;
    }
    case 'either':
      for (const option of piece.options) {
        const end = walk(option, 0, text, at, next);
        if (end !== undefined) return end;
      }
      return undefined;
    case 'optional':
      return walk(piece.body, 0, text, at, next) ?? next(at);
  }
}

function width(text: string, at: number): number {
  return (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
}

function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2)!;
  }
  return low;
}

// Letters compared as the `iu` flags compare them (Unicode case folding), each answer asked of V8 once.
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/iu;
const wordChars = new Map<number, boolean>();
const sameLetters = new Map<number, boolean>();
const CACHE_LIMIT = 10_000;

function wordChar(codePoint: number): boolean {
  let known = wordChars.get(codePoint);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
    if (wordChars.size > CACHE_LIMIT) wordChars.clear();
    wordChars.set(codePoint, known);
  }
  return known;
}

function sameLetter(wanted: number, said: number): boolean {
  if (wanted === said) return true;
  const key = wanted * 0x110000 + said;
  let known = sameLetters.get(key);
  if (known === undefined) {
    known = new RegExp(`^\\u{${wanted.toString(16)}}$`, 'iu').test(String.fromCodePoint(said));
    if (sameLetters.size > CACHE_LIMIT) sameLetters.clear();
    sameLetters.set(key, known);
  }
  return known;
}
