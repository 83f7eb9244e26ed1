/**
 * A title to play and the kind of thing it is: Home Assistant's `search_query` is the title without the class word,
 * which goes to `media_class` ("the album rumours" → album, "rumours"; "my workout playlist" → playlist; "songs by
 * adele" → artist, "adele"). One reading for every way a title is found: a sentence's `{search_query}` and the free
 * text of a request read by its parts.
 */
import { BY_ARTIST_WORDS, MEDIA_CLASS_WORDS } from '../lexicon/media-en.js';
import { tokenize } from '../normalize.js';
import { FUNCTION_WORDS } from './function-words.js';

export interface TitleSpan {
  /** The title's words: `words.slice(start, end)`. */
  start: number;
  end: number;
  mediaClass?: string;
}

const BEFORE: ReadonlyArray<readonly [string[], string]> = [
  ...MEDIA_CLASS_WORDS.map(([w, c]) => [tokenize(w), c] as const),
  ...BY_ARTIST_WORDS.map((w) => [tokenize(w), 'artist'] as const),
].sort((a, b) => b[0].length - a[0].length);
const AFTER: ReadonlyArray<readonly [string[], string]> = MEDIA_CLASS_WORDS.filter(([, , after]) => after).map(
  ([w, c]) => [tokenize(w), c] as const,
);
/** Said before a class word, not part of the title ("[the] album rumours", "[my] workout playlist"). */
const ARTICLES = new Set(['the', 'a', 'an', 'my', 'our', 'some', 'that', 'this']);

/** Where the title is in `words` (start..end) and its class, when a class word is said before or after it. */
export function titleSpan(words: readonly string[], start = 0, end = words.length): TitleSpan {
  const lead = ARTICLES.has(words[start] ?? '') ? 1 : 0;
  for (const [said, mediaClass] of BEFORE)
    if (end - start > lead + said.length && said.every((w, k) => words[start + lead + k] === w))
      return { start: start + lead + said.length, end, mediaClass };
  // "the beatles album": an article before a title with its class word after stays with the title; one before the
  // class word is the class's ("blue, the album").
  for (const [said, mediaClass] of AFTER)
    if (end - start > lead + said.length && said.every((w, k) => words[end - said.length + k] === w)) {
      const classAt = end - said.length;
      const titleEnd = classAt - 1 > start && ARTICLES.has(words[classAt - 1]!) ? classAt - 1 : classAt;
      return { start: afterWhence(words, start, titleEnd), end: titleEnd, mediaClass };
    }
  // "that lovely song moon river", "the new album by …": a word or two about it between the article and the class.
  if (lead === 1)
    for (let about = 1; about <= WORDS_ABOUT_IT; about++) {
      const at = start + 1 + about;
      if (words.slice(start + 1, at).some((w) => FUNCTION_WORDS.has(w))) break;
      for (const [said, mediaClass] of BEFORE)
        if (end - at > said.length && said.every((w, k) => words[at + k] === w)) {
          const title = at + said.length;
          return { start: words[title] === 'by' && title + 1 < end ? title + 1 : title, end, mediaClass };
        }
    }
  return { start, end };
}

/** How many words may say what the title is like before its class word ("that lovely [song]"). */
const WORDS_ABOUT_IT = 2;

/** Classes that hold what is played: something is picked from them ("a song from my summer playlist"). */
const COLLECTIONS = new Set(['playlist', 'album']);
/** Said before whose collection the title is picked from ("songs [from my] summer playlist"). */
const WHENCE = new Set(['from', 'off', 'on', 'in']);

/** Where the title starts after what is picked from it ("something from my road trip [playlist]" → "road trip"). */
function afterWhence(words: readonly string[], start: number, end: number): number {
  for (let k = start; k + 2 < end; k++)
    if (WHENCE.has(words[k]!) && (words[k + 1] === 'my' || words[k + 1] === 'our' || words[k + 1] === 'the'))
      return k + 2;
  return start;
}

/** The class of what to play said in a clause of its own ("podcast, play the daily"): [the|a|my] and a class word. */
export function classSaidApart(clauses: readonly (readonly string[])[]): string | undefined {
  for (const clause of clauses) {
    const lead = ARTICLES.has(clause[0] ?? '') ? 1 : 0;
    for (const [said, mediaClass] of BEFORE)
      if (clause.length === lead + said.length && said.every((w, k) => clause[lead + k] === w)) return mediaClass;
  }
  return undefined;
}

/**
 * A frame whose title still holds its class word (a sentence's `{search_query}` after "listen to", "stick on", …):
 * the class word moved to `media_class`. Only for intents that have the slot.
 */
export function separateMediaClass(
  slots: Record<string, unknown>,
  declared: Readonly<Record<string, unknown>>,
  clauses: readonly (readonly string[])[],
): void {
  const query = slots.search_query;
  if (typeof query !== 'string' || !('media_class' in declared)) return;
  const words = tokenize(query);
  if (slots.media_class !== undefined) {
    // A sentence that took the class word after the title: what it is picked from, or the class's article ("blue
    // the [album]"), is no part of it.
    const end = words.length > 1 && ARTICLES.has(words.at(-1)!) ? words.length - 1 : words.length;
    const start = COLLECTIONS.has(String(slots.media_class)) ? afterWhence(words, 0, end) : 0;
    slots.search_query = words.slice(start, end).join(' ');
    return;
  }
  const title = titleSpan(words);
  if (!title.mediaClass) {
    const apart = clauses.length > 1 ? classSaidApart(clauses) : undefined;
    if (apart) slots.media_class = apart;
    return;
  }
  slots.search_query = words.slice(title.start, title.end).join(' ');
  slots.media_class = title.mediaClass;
}
