import { FUNCTION_WORDS } from './function-words.js';

/**
 * The free text of a request ("play [the beatles] in the kitchen", "add [oat milk] to the list"): the longest run of
 * words nothing else explained, without leading "some"/"my"/"a" and trailing prepositions. For media, a class word
 * at either end becomes `media_class` ("the album rumours" → album, "rumours"; "my workout playlist" → playlist).
 */
const LEADING = new Set(['some', 'my', 'our', 'a', 'an', 'any', 'me', 'us', 'to', 'of', 'for']);
const TRAILING = new Set([
  'on',
  'in',
  'at',
  'to',
  'from',
  'for',
  'please',
  'the',
  'a',
  'with',
  'and',
  'then',
  'into',
  'onto',
  'by',
  'now',
  'my',
  'our',
  'your',
]);
/** Said before the title ("the album rumours") or after it ("my chill vibes playlist"), Home Assistant's media classes. */
const CLASS_BEFORE: ReadonlyArray<[string[], string]> = [
  [['album'], 'album'],
  [['song'], 'track'],
  [['track'], 'track'],
  [['artist'], 'artist'],
  [['band'], 'artist'],
  [['singer'], 'artist'],
  [['playlist'], 'playlist'],
  [['podcast'], 'podcast'],
  [['movie'], 'movie'],
  [['film'], 'movie'],
  [['tv', 'show'], 'tv_show'],
  [['show'], 'tv_show'],
  [['series'], 'tv_show'],
  [['tv', 'series'], 'tv_show'],
];
const CLASS_AFTER: ReadonlyArray<[string[], string]> = [
  [['album'], 'album'],
  [['playlist'], 'playlist'],
  [['podcast'], 'podcast'],
  [['movie'], 'movie'],
  [['film'], 'movie'],
  [['song'], 'track'],
];

export interface FreeText {
  value: string;
  positions: number[];
  /** Where the value starts and ends (exclusive), without leading/trailing grammar words and a class word. */
  start: number;
  end: number;
  mediaClass?: string;
}

/**
 * `actions`: where the action words are. The run right after one is what it acts on ("we ran out of paint so take
 * [paint] off the list"); otherwise the run with the most words that are not grammar words.
 */
export function freeText(
  tokens: readonly string[],
  explained: readonly boolean[],
  actions: ReadonlySet<number> = new Set(),
): FreeText | undefined {
  let bestStart = -1;
  let bestEnd = -1;
  let bestWeight = 0;
  let bestAfterAction = false;
  for (let i = 0; i < tokens.length; ) {
    if (explained[i]) {
      i++;
      continue;
    }
    let j = i;
    let weight = 0;
    for (; j < tokens.length && !explained[j]; j++) if (!FUNCTION_WORDS.has(tokens[j]!)) weight++;
    const afterAction = weight > 0 && actions.has(i - 1);
    if ((afterAction && !bestAfterAction) || (afterAction === bestAfterAction && weight > bestWeight)) {
      bestStart = i;
      bestEnd = j;
      bestWeight = weight;
      bestAfterAction = afterAction;
    }
    i = j;
  }
  if (bestStart < 0) return undefined;
  let start = bestStart;
  let end = bestEnd;
  while (start < end && LEADING.has(tokens[start]!)) start++;
  while (end > start && TRAILING.has(tokens[end - 1]!)) end--;
  let mediaClass: string | undefined;
  const words = tokens.slice(start, end);
  const lead = words[0] === 'the' ? 1 : 0;
  for (const [said, cls] of CLASS_BEFORE) {
    if (said.every((w, k) => words[lead + k] === w) && words.length > lead + said.length) {
      mediaClass = cls;
      start += lead + said.length;
      break;
    }
  }
  if (!mediaClass) {
    for (const [said, cls] of CLASS_AFTER) {
      if (words.length > said.length && said.every((w, k) => words[words.length - said.length + k] === w)) {
        mediaClass = cls;
        end -= said.length;
        break;
      }
    }
  }
  if (start >= end) return undefined;
  const positions: number[] = [];
  for (let i = bestStart; i < bestEnd; i++) positions.push(i);
  return { value: tokens.slice(start, end).join(' '), positions, start, end, ...(mediaClass ? { mediaClass } : {}) };
}

const OWNER_PREPOSITIONS = new Set(['to', 'on', 'onto', 'from', 'off', 'in']);
const OWNERS = new Set(['my', 'the', 'our']);

/**
 * The value without the name of whose it is, when a free text runs into that name ("add [vodka] to my party shopping
 * list": "to my party" names the list, not the item); undefined when the value is only that name.
 */
export function withoutOwner(tokens: readonly string[], text: FreeText): FreeText | undefined {
  for (let k = text.end - 2; k > text.start; k--) {
    if (OWNER_PREPOSITIONS.has(tokens[k]!) && OWNERS.has(tokens[k + 1]!))
      return { ...text, value: tokens.slice(text.start, k).join(' '), end: k };
  }
  return undefined;
}
