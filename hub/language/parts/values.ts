/**
 * The value slots of a frame from a request's quantity parts, by what the intent declares: a slot drawn from the
 * lexicon list `brightness` takes a percentage ("50 percent", "half", "max" → 100, "min" → 1), `temperature` a
 * number of degrees, `hours`/`minutes`/`seconds` a duration (`start_*` the length of the timer meant: "the ten
 * minute timer"), `color` a colour, `volume_step` a direction or a signed percentage ("down by 20" → -20, "two notches down" → -20); a slot
 * declaring its own `values` takes one of them said as it is.
 */
import type { ExtremeOf } from '../lexicon/parts-en.js';
import type { SlotDeclaration } from '../../sdk/intent-declaration.js';
import { RELATIVE_STEP_PERCENT, type SlotValue } from '../../sdk/intents.js';
import { tokenize } from '../normalize.js';
import type { CompiledList, SlotListSet, TrieNode } from '../slot-lists.js';
import { TIME_LEADS } from './clock.js';
import { FUNCTION_WORDS } from './function-words.js';
import type { Part, TaggedRequest } from './tagger.js';

type ValueKind = 'percent' | 'temperature' | 'duration' | 'color' | 'step' | 'state';

const LIST_KINDS: Record<string, ValueKind> = {
  brightness: 'percent',
  volume_level: 'percent',
  position: 'percent',
  percentage: 'percent',
  temperature: 'temperature',
  hours: 'duration',
  minutes: 'duration',
  seconds: 'duration',
  color: 'color',
  volume_step: 'step',
  brightness_step: 'step',
  state: 'state',
  // Words of a time ("tomorrow", "every weekday", "in the evening"), read like a state.
  alarm_day: 'state',
  alarm_repeat: 'state',
  day_period: 'state',
};

/** The slot list a superlative about one setting fills ("brightest": brightness, never a volume). */
const EXTREME_OF: Record<ExtremeOf, string> = {
  brightness: 'brightness',
  volume: 'volume_level',
  speed: 'percentage',
};

const TIMER_WORDS = new Set(['timer', 'timers', 'countdown']);

export interface FilledValues {
  slots: Record<string, SlotValue>;
  /** Indexes of the parts the values came from. */
  used: Set<number>;
  /** Positions of words that were a value without being a part (a state: "open", "locked"). */
  words: Set<number>;
  /** A time of day was said for the intent's hour ("half seven"). */
  timeSaid: boolean;
}

/** Fills the declared value slots from the request's parts; `stepSlots` are the directions the cues said. */
export function fillValues(
  declared: Readonly<Record<string, SlotDeclaration>>,
  request: TaggedRequest,
  cueSlots: Record<string, SlotValue>,
  lists: SlotListSet,
  usedTokens: ReadonlySet<number>,
): FilledValues {
  const slots: Record<string, SlotValue> = {};
  const used = new Set<number>();
  const words = new Set<number>();
  const { parts, tokens } = request;
  const take = (index: number): void => void used.add(index);
  const find = (accept: (part: Part) => boolean): number => parts.findIndex((p, i) => !used.has(i) && accept(p));
  for (const [slot, declaration] of Object.entries(declared)) {
    // Values the intent lists itself (its own modes: "boost", "sleep"), said among the free words.
    if ('values' in declaration) {
      const said = findListed(declaration.values, request, usedTokens);
      if (said) {
        slots[slot] = said.value;
        for (let i = said.start; i < said.end; i++) words.add(i);
      }
      continue;
    }
    if (!('list' in declaration)) continue;
    const kind = LIST_KINDS[declaration.list];
    if (kind === 'percent') {
      // "Up by 20 percent" is a step, not a level.
      const level = (p: Part): boolean => p.kind === 'number' && tokens[p.start - 1] !== 'by';
      const i = [
        find((p) => level(p) && p.kind === 'number' && p.unit === 'percent'),
        find(
          (p) =>
            level(p) &&
            p.kind === 'number' &&
            p.unit === undefined &&
            p.value >= 0 &&
            p.value <= 100 &&
            Number.isInteger(p.value),
        ),
        find((p) => p.kind === 'extreme' && (p.of === undefined || EXTREME_OF[p.of] === declaration.list)),
      ].find((n) => n >= 0);
      if (i === undefined) continue;
      const part = parts[i]!;
      slots[slot] = part.kind === 'extreme' ? (part.value === 'max' ? 100 : 1) : (part as { value: number }).value;
      take(i);
    } else if (kind === 'temperature') {
      const i = [
        find((p) => p.kind === 'number' && p.unit === 'degrees'),
        find((p) => p.kind === 'number' && p.unit === undefined && p.value > 0 && p.value < 100),
      ].find((n) => n >= 0);
      if (i === undefined) continue;
      slots[slot] = (parts[i] as { value: number }).value;
      take(i);
    } else if (kind === 'state') {
      const state = findWords(lists.get(declaration.list), request, usedTokens);
      if (state) {
        slots[slot] = state.value;
        for (let i = state.start; i < state.end; i++) words.add(i);
      }
    } else if (kind === 'color') {
      const i = find((p) => p.kind === 'color');
      if (i < 0) continue;
      slots[slot] = (parts[i] as { value: string }).value;
      take(i);
    } else if (kind === 'step') {
      const direction = cueSlots[slot];
      // "Up to full brightness" is a level, not a step.
      if (
        Object.entries(declared).some(
          ([s, d]) => 'list' in d && LIST_KINDS[d.list] === 'percent' && slots[s] !== undefined,
        )
      )
        continue;
      if (direction !== 'up' && direction !== 'down') continue;
      // "Down to 10" is a level to set, not a step.
      const i = find(
        (p) =>
          p.kind === 'number' &&
          (p.unit === 'percent' || p.unit === 'steps' || p.unit === undefined) &&
          p.value > 0 &&
          p.value <= 100 &&
          tokens[p.start - 1] !== 'to',
      );
      if (i < 0) slots[slot] = direction;
      else {
        const part = parts[i] as Extract<Part, { kind: 'number' }>;
        // "Two notches" is two presses of up or down, not 2 percent.
        const percent = Math.min(100, part.unit === 'steps' ? part.value * RELATIVE_STEP_PERCENT : part.value);
        slots[slot] = direction === 'down' ? -percent : percent;
        take(i);
      }
    }
  }
  const timeSaid = fillClock(declared, request, slots, used);
  fillDurations(declared, parts, tokens, slots, used);
  fillTimerLabel(declared, request, usedTokens, slots, words);
  return { slots, used, words, timeSaid };
}

/** Words that lead a timer's label after the timer word ("the timer for the eggs", "a timer called bath"). */
const LABEL_LEADS = new Set(['for', 'called', 'named']);

/**
 * A timer's label, for an intent whose `name` is a timer name: the words right before the timer word that no part and
 * no action took ("the [pizza] timer", "give the [cake] timer …"), else the words after "for"/"called"/"named" up to
 * the next grammar word or part ("the timer for [the eggs]").
 */
function fillTimerLabel(
  declared: Readonly<Record<string, SlotDeclaration>>,
  request: TaggedRequest,
  usedTokens: ReadonlySet<number>,
  slots: Record<string, SlotValue>,
  words: Set<number>,
): void {
  const label = declared.name;
  if (!label || !('list' in label) || label.list !== 'timer_name' || slots.name !== undefined) return;
  const { tokens, partAt } = request;
  const timer = tokens.findIndex((t) => TIMER_WORDS.has(t));
  if (timer < 0) return;
  const free = (i: number): boolean =>
    partAt[i] === -1 && !usedTokens.has(i) && !words.has(i) && !FUNCTION_WORDS.has(tokens[i]!);
  let start = timer;
  while (start > 0 && free(start - 1)) start--;
  let end = timer;
  if (start === timer && LABEL_LEADS.has(tokens[timer + 1] ?? '')) {
    start = tokens[timer + 2] === 'the' ? timer + 3 : timer + 2;
    end = start;
    while (end < tokens.length && free(end)) end++;
  }
  if (end <= start) return;
  slots.name = tokens.slice(start, end).join(' ');
  for (let i = start; i < end; i++) words.add(i);
  if (start > timer) for (let i = timer + 1; i < start; i++) words.add(i);
}

/**
 * A time of day, for an intent that declares an hour: a time part ("half seven", "7 pm"), else a whole number after
 * "at", "for", "by"… ("wake me at 7").
 */
function fillClock(
  declared: Readonly<Record<string, SlotDeclaration>>,
  request: TaggedRequest,
  slots: Record<string, SlotValue>,
  used: Set<number>,
): boolean {
  const hour = Object.entries(declared).find(([, d]) => 'list' in d && d.list === 'clock_hour')?.[0];
  if (!hour || slots[hour] !== undefined) return false;
  const { parts, tokens } = request;
  const time = parts.findIndex((p, i) => !used.has(i) && p.kind === 'time');
  if (time >= 0) {
    const part = parts[time] as Extract<Part, { kind: 'time' }>;
    slots[hour] = part.hour;
    if (part.minute !== undefined && 'minute' in declared) slots.minute = part.minute;
    if (part.minuteTo !== undefined && 'minute_to' in declared) slots.minute_to = part.minuteTo;
    if (part.period !== undefined && 'period' in declared) slots.period = part.period;
    used.add(time);
    return true;
  }
  const bare = parts.findIndex(
    (p, i) =>
      !used.has(i) &&
      p.kind === 'number' &&
      p.unit === undefined &&
      Number.isInteger(p.value) &&
      p.value >= 0 &&
      p.value <= 23 &&
      TIME_LEADS.has(tokens[p.start - 1] ?? ''),
  );
  if (bare < 0) return false;
  slots[hour] = (parts[bare] as { value: number }).value;
  used.add(bare);
  return true;
}

/** Durations: one slot per unit said; a duration right before "timer" names the timer (`start_*`) when the intent has such slots. */
function fillDurations(
  declared: Readonly<Record<string, SlotDeclaration>>,
  parts: readonly Part[],
  tokens: readonly string[],
  slots: Record<string, SlotValue>,
  used: Set<number>,
): void {
  parts.forEach((part, i) => {
    if (part.kind !== 'duration' || used.has(i)) return;
    const namesTimer = TIMER_WORDS.has(tokens[part.end] ?? '') && 'start_minutes' in declared;
    const prefix = namesTimer ? 'start_' : '';
    let filled = false;
    for (const unit of ['hours', 'minutes', 'seconds'] as const) {
      const value = part[unit];
      if (value === undefined || !(prefix + unit in declared) || slots[prefix + unit] !== undefined) continue;
      slots[prefix + unit] = value;
      filled = true;
    }
    if (filled) used.add(i);
  });
}

/** One of `values` said among the words no part and no action took (the longest at the first place one occurs). */
function findListed(
  values: readonly string[],
  request: TaggedRequest,
  usedTokens: ReadonlySet<number>,
): { value: string; start: number; end: number } | undefined {
  const { tokens, partAt } = request;
  const free = (i: number): boolean => partAt[i] === -1 && !usedTokens.has(i);
  const phrases = values
    .map((value) => ({ value, words: tokenize(value) }))
    .sort((a, b) => b.words.length - a.words.length);
  for (let pos = 0; pos < tokens.length; pos++)
    for (const { value, words } of phrases)
      if (words.length > 0 && words.every((w, k) => free(pos + k) && tokens[pos + k] === w))
        return { value, start: pos, end: pos + words.length };
  return undefined;
}

/** A value of `list` said among the words no part and no action took (the longest at the first place it occurs). */
function findWords(
  list: CompiledList | undefined,
  request: TaggedRequest,
  usedTokens: ReadonlySet<number>,
): { value: SlotValue; start: number; end: number } | undefined {
  if (list?.kind !== 'values') return undefined;
  const { tokens, partAt } = request;
  for (let pos = 0; pos < tokens.length; pos++) {
    let node: TrieNode | undefined = list.root;
    let found: { value: SlotValue; start: number; end: number } | undefined;
    for (let i = pos; i < tokens.length && node && partAt[i] === -1 && !usedTokens.has(i); i++) {
      node = node.children.get(tokens[i]!);
      if (node?.outs?.length) found = { value: node.outs[0]!, start: pos, end: i + 1 };
    }
    if (found) return found;
  }
  return undefined;
}
