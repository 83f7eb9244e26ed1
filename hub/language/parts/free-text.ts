import type { CompiledCue } from './cues.js';
import { FUNCTION_WORDS } from './function-words.js';
import { titleSpan } from './media-title.js';

/**
 * The free text of a request ("play [the beatles] in the kitchen", "add [oat milk] to the list"): the longest run of
 * words nothing else explained, without leading "some"/"my"/"a" and trailing prepositions; for media, a class word
 * said with the title becomes `media_class` (media-title.ts).
 */
const AMOUNT_OF = new Set(['bit', 'spot', 'touch', 'dash']);
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
 * [paint] off the list"); otherwise the run with the most words that are not grammar words. `media`: the text is a
 * title, whose class word is taken off it.
 */
export function freeText(
  tokens: readonly string[],
  explained: readonly boolean[],
  actions: ReadonlySet<number> = new Set(),
  media = false,
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
  for (;;) {
    while (start < end && LEADING.has(tokens[start]!)) start++;
    // "a bit of reggae", "a little bit of jazz": how much, not what.
    if (start + 1 < end && AMOUNT_OF.has(tokens[start]!) && tokens[start + 1] === 'of') start += 2;
    else if (start + 2 < end && tokens[start] === 'little' && tokens[start + 1] === 'bit' && tokens[start + 2] === 'of')
      start += 3;
    else break;
  }
  while (end > start && TRAILING.has(tokens[end - 1]!)) end--;
  const title = media ? titleSpan(tokens, start, end) : { start, end, mediaClass: undefined };
  ({ start, end } = title);
  const { mediaClass } = title;
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

/** Topic phrases this long say something about the request, never the end of its free text. */
const TOPIC_PHRASE_WORDS = 3;

/**
 * The value without a topic phrase of its intent at its end, which a sentence's wildcard took with it ("play [the
 * hobbit from the beginning]" → "the hobbit"); the value as it is otherwise.
 */
export function withoutTopicAtEnd(value: string, topics: readonly CompiledCue[]): string {
  const words = value.split(' ');
  for (const { tokens } of topics) {
    const start = words.length - tokens.length;
    if (tokens.length >= TOPIC_PHRASE_WORDS && start > 0 && tokens.every((t, k) => words[start + k] === t))
      return words.slice(0, start).join(' ');
  }
  return value;
}
