/**
 * The first half of the second stage: a request's tokens → its parts, in order. Device names, areas and floors come
 * from the live slot lists; class words ("the lights", "the blinds"), quantities ("50 percent", "two and a half
 * minutes", "max"), times of day ("half seven", clock.ts), colours and fillers from the English part words (lexicon/parts-en.ts). At each position the
 * longest phrase wins, a device name before an area before a class word, so "the study ceiling light" is the area
 * Office and the device Ceiling Light. Work is one trie walk per position: it does not grow with devices × intents.
 */
import type { DeviceType } from '../../sdk/devices.js';
import { readNumbers } from '../numbers.js';
import { readClockTime, type ClockTime } from './clock.js';
import type { CompiledList, SlotListSet, TrieNode } from '../slot-lists.js';
import { STEP_WORDS, type ExtremeOf } from '../lexicon/parts-en.js';
import { PART_WORDS, type PartWord } from './part-words.js';
import { SIDE_WORDS } from '../lexicon/rooms-en.js';

export type Part =
  | { kind: 'name'; start: number; end: number; value: string }
  | { kind: 'area'; start: number; end: number; value: string }
  | { kind: 'floor'; start: number; end: number; value: string }
  | { kind: 'class'; start: number; end: number; domain: DeviceType; deviceClass?: string }
  | { kind: 'number'; start: number; end: number; value: number; unit?: 'percent' | 'degrees' | 'steps' }
  | { kind: 'duration'; start: number; end: number; hours?: number; minutes?: number; seconds?: number }
  | ({ kind: 'time' } & ClockTime)
  | { kind: 'extreme'; start: number; end: number; value: 'max' | 'min'; of?: ExtremeOf }
  | { kind: 'color'; start: number; end: number; value: string }
  | { kind: 'all'; start: number; end: number }
  | { kind: 'here'; start: number; end: number }
  | { kind: 'side'; start: number; end: number; side: 'outdoors' | 'indoors' }
  | { kind: 'filler'; start: number; end: number };

export interface TaggedRequest {
  tokens: readonly string[];
  /** Non-overlapping, in order. */
  parts: Part[];
  /** For each token, the index of the part covering it, or -1 for a word left to the intents' cues. */
  partAt: Int16Array;
}

const RANK: Record<Part['kind'], number> = {
  name: 9,
  area: 8,
  floor: 7,
  duration: 6,
  number: 6,
  time: 6,
  class: 5,
  color: 4,
  extreme: 3,
  all: 2,
  here: 2,
  side: 2,
  filler: 1,
};

export function tagRequest(tokens: readonly string[], lists: SlotListSet): TaggedRequest {
  const parts: Part[] = [];
  const partAt = new Int16Array(tokens.length).fill(-1);
  const names = lists.get('name');
  const shortNames = lists.get('name_short');
  const areas = lists.get('area');
  const otherAreas = lists.get('area_other');
  const owners = lists.get('area_owner');
  const floors = lists.get('floor');
  const periods = lists.get('day_period');
  for (let pos = 0; pos < tokens.length; ) {
    const candidates: Part[] = [];
    pushValue(candidates, 'name', names, tokens, pos);
    pushValue(candidates, 'name', shortNames, tokens, pos);
    pushValue(candidates, 'area', areas, tokens, pos);
    pushValue(candidates, 'area', otherAreas, tokens, pos);
    pushOwner(candidates, owners, names, tokens, pos);
    pushValue(candidates, 'floor', floors, tokens, pos);
    const quantity = readQuantity(tokens, pos);
    if (quantity) candidates.push(quantity);
    const time = readClockTime(tokens, pos, periods);
    if (time) candidates.push({ kind: 'time', ...time });
    const side = sideAt(tokens, pos);
    if (side) candidates.push(side);
    const word = PART_WORDS.longestAt(tokens, pos);
    if (word)
      for (const value of word.values)
        if (value.kind !== 'level' || LEVEL_AFTER.has(tokens[pos - 1] ?? ''))
          candidates.push(fromWord(value, pos, word.end));
    const best = candidates.reduce<Part | undefined>(
      (a, b) =>
        !a || b.end - b.start > a.end - a.start || (b.end - b.start === a.end - a.start && RANK[b.kind] > RANK[a.kind])
          ? b
          : a,
      undefined,
    );
    if (!best) {
      pos++;
      continue;
    }
    for (let i = best.start; i < best.end; i++) partAt[i] = parts.length;
    parts.push(best);
    pos = best.end;
  }
  return { tokens, parts, partAt };
}

/**
 * The longest value at `pos`; but when a shorter spelling of the same thing leaves an action word out of it, that one
 * ("front door, lock it": the alias "front door", not the name "Front Door Lock" that swallows the verb).
 */
function pushValue(
  into: Part[],
  kind: 'name' | 'area' | 'floor',
  list: CompiledList | undefined,
  tokens: readonly string[],
  pos: number,
): void {
  if (list?.kind !== 'values') return;
  let node: TrieNode | undefined = list.root;
  const found: Array<{ end: number; value: string }> = [];
  for (let i = pos; i < tokens.length && node; i++) {
    node = node.children.get(tokens[i]!);
    if (node?.outs?.length) found.push({ end: i + 1, value: String(node.outs[0]) });
  }
  let best = found.at(-1);
  if (!best) return;
  const shorter = found.find(
    (f) =>
      f.value === best!.value && f.end < best!.end && tokens.slice(f.end, best!.end).every((t) => ACTION_TAILS.has(t)),
  );
  if (shorter) best = shorter;
  into.push({ kind, start: pos, end: best.end, value: best.value });
}

/** "Emma's desk lamp": the owner of a room ("Emma's Room"), said right before a device name, is that room. */
function pushOwner(
  into: Part[],
  owners: CompiledList | undefined,
  names: CompiledList | undefined,
  tokens: readonly string[],
  pos: number,
): void {
  const owner: Part[] = [];
  pushValue(owner, 'area', owners, tokens, pos);
  const [room] = owner;
  if (!room) return;
  const device: Part[] = [];
  pushValue(device, 'name', names, tokens, room.end);
  if (device.length > 0) into.push(room);
}

/** "The outdoor lights", "all the interior lamps": a side of the house, only right before a class word. */
function sideAt(tokens: readonly string[], pos: number): Part | undefined {
  const side = SIDE_WORDS[tokens[pos]!];
  if (!side) return undefined;
  const next = PART_WORDS.longestAt(tokens, pos + 1);
  return next?.values.some((v) => v.kind === 'class') ? { kind: 'side', start: pos, end: pos + 1, side } : undefined;
}

/** A level word is a setting only after these ("to low"; "it is too low" is a remark). */
const LEVEL_AFTER = new Set(['to', 'on', 'at']);

/** Words that end some device names and are also what people ask of them ("Front Door Lock" … "lock it"). */
const ACTION_TAILS = new Set(['lock', 'open', 'close', 'on', 'off', 'start', 'stop', 'play', 'pause']);

function fromWord(word: PartWord, start: number, end: number): Part {
  switch (word.kind) {
    case 'class':
      return word.deviceClass
        ? { kind: 'class', start, end, domain: word.domain, deviceClass: word.deviceClass }
        : { kind: 'class', start, end, domain: word.domain };
    case 'color':
      return { kind: 'color', start, end, value: word.value };
    case 'extreme':
      return word.of
        ? { kind: 'extreme', start, end, value: word.value, of: word.of }
        : { kind: 'extreme', start, end, value: word.value };
    case 'fraction':
    case 'level':
      return { kind: 'number', start, end, value: word.percent, unit: 'percent' };
    case 'duration':
      return { kind: 'duration', start, end, ...word.duration };
    default:
      return { kind: word.kind, start, end };
  }
}

const UNIT: Record<string, 'hours' | 'minutes' | 'seconds'> = {
  hour: 'hours',
  hours: 'hours',
  hr: 'hours',
  hrs: 'hours',
  minute: 'minutes',
  minutes: 'minutes',
  min: 'minutes',
  mins: 'minutes',
  second: 'seconds',
  seconds: 'seconds',
  sec: 'seconds',
  secs: 'seconds',
};
/** Words said between an amount and its unit ("five more minutes", "an extra hour"). */
const MORE_WORDS = new Set(['more', 'extra', 'additional', 'further']);

/**
 * "Five more minutes", "an extra hour" said as "five minutes more", "an hour extra": the amount and its unit
 * together, so they read as one duration and "more" stays a word of the request.
 */
export function unitsBeforeMore(tokens: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!MORE_WORDS.has(tokens[i]!) || !UNIT[tokens[i + 1]!]) continue;
    const amount = tokens[i - 1]!;
    if (amount !== 'a' && amount !== 'an' && readNumbers(tokens, i - 1).length === 0) continue;
    out ??= [...tokens];
    out[i] = tokens[i + 1]!;
    out[i + 1] = tokens[i]!;
  }
  return out ?? tokens;
}

const SMALLER: Record<'hours' | 'minutes' | 'seconds', 'minutes' | 'seconds' | undefined> = {
  hours: 'minutes',
  minutes: 'seconds',
  seconds: undefined,
};

/**
 * A number with what follows it: a unit of time (durations merge: "an hour and 20 minutes"), percent, degrees, steps of
 * a control ("two notches"), "and a half".
 */
function readQuantity(tokens: readonly string[], pos: number): Part | undefined {
  const first = readAmount(tokens, pos);
  if (!first) return undefined;
  let { value, end } = first;
  let half = false;
  if (tokens[end] === 'and' && tokens[end + 1] === 'a' && tokens[end + 2] === 'half') {
    half = true;
    end += 3;
  }
  const unit = UNIT[tokens[end] ?? ''];
  if (unit) {
    const duration: { hours?: number; minutes?: number; seconds?: number } = { [unit]: value };
    end++;
    if (!half && tokens[end] === 'and' && tokens[end + 1] === 'a' && tokens[end + 2] === 'half') {
      half = true;
      end += 3;
    }
    const smaller = SMALLER[unit];
    if (half && smaller) duration[smaller] = 30;
    // "an hour and 20 minutes", "1 hour 20 minutes"
    const nextAt = tokens[end] === 'and' ? end + 1 : end;
    const next = readQuantity(tokens, nextAt);
    if (
      next?.kind === 'duration' &&
      !(['hours', 'minutes', 'seconds'] as const).some((u) => next[u] !== undefined && duration[u] !== undefined)
    ) {
      return { ...next, ...duration, kind: 'duration', start: pos, end: next.end };
    }
    return { kind: 'duration', start: pos, end, ...duration };
  }
  if (first.article) return undefined; // "a" alone is no number
  if (half) value += 0.5;
  const said = tokens[end];
  if (said === 'percent' || (said === 'per' && tokens[end + 1] === 'cent'))
    return { kind: 'number', start: pos, end: end + (said === 'per' ? 2 : 1), value, unit: 'percent' };
  if (said === 'degrees' || said === 'degree') {
    let stop = end + 1;
    if (['celsius', 'centigrade', 'c', 'fahrenheit', 'f'].includes(tokens[stop] ?? '')) stop++;
    return { kind: 'number', start: pos, end: stop, value, unit: 'degrees' };
  }
  if (STEP_WORDS.has(said ?? '')) return { kind: 'number', start: pos, end: end + 1, value, unit: 'steps' };
  return { kind: 'number', start: pos, end, value };
}

/** Words before "one" that make it a thing pointed at. */
const POINTING = new Set(['this', 'that', 'the', 'next', 'last', 'previous', 'other', 'another', 'which', 'each']);

function readAmount(
  tokens: readonly string[],
  pos: number,
): { value: number; end: number; article?: true } | undefined {
  const token = tokens[pos];
  // "this one", "the next one": a thing pointed at, no number.
  if (token === 'one' && POINTING.has(tokens[pos - 1] ?? '') && !UNIT[tokens[pos + 1] ?? '']) return undefined;
  // "A couple of notches": two steps (said of minutes, it is a duration word of the lexicon).
  if (token === 'a' && tokens[pos + 1] === 'couple') {
    const end = tokens[pos + 2] === 'of' ? pos + 3 : pos + 2;
    return STEP_WORDS.has(tokens[end] ?? '') ? { value: 2, end } : undefined;
  }
  if (token === 'a' || token === 'an')
    return UNIT[tokens[pos + 1] ?? ''] ? { value: 1, end: pos + 1, article: true } : undefined;
  const [longest] = readNumbers(tokens, pos);
  return longest;
}
