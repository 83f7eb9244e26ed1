/**
 * A title to play and the kind of thing it is: Home Assistant's `search_query` is the title without the class word,
 * which goes to `media_class` ("the album rumours" → album, "rumours"; "my workout playlist" → playlist; "songs by
 * adele" → artist, "adele"). One reading for every way a title is found: a sentence's `{search_query}` and the free
 * text of a request read by its parts.
 */
import { BY_ARTIST_WORDS, MEDIA_CLASS_WORDS } from '../lexicon/media-en.js';
import { tokenize } from '../normalize.js';

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
  // "the beatles album": an article before a title with its class word after stays with the title.
  for (const [said, mediaClass] of AFTER)
    if (end - start > lead + said.length && said.every((w, k) => words[end - said.length + k] === w))
      return { start, end: end - said.length, mediaClass };
  return { start, end };
}

/**
 * A frame whose title still holds its class word (a sentence's `{search_query}` after "listen to", "stick on", …):
 * the class word moved to `media_class`. Only for intents that have the slot.
 */
export function separateMediaClass(slots: Record<string, unknown>, declared: Readonly<Record<string, unknown>>): void {
  const query = slots.search_query;
  if (typeof query !== 'string' || slots.media_class !== undefined || !('media_class' in declared)) return;
  const words = tokenize(query);
  const title = titleSpan(words);
  if (!title.mediaClass) return;
  slots.search_query = words.slice(title.start, title.end).join(' ');
  slots.media_class = title.mediaClass;
}
