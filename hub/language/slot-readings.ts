/** The ways a slot list can consume tokens at a position: exactly, or (tolerant pass) with one near miss. */
import type { SlotValue } from '../sdk/intents.js';
import { readNumbers } from './numbers.js';
import { refusedFrom, refusesAlone, type CompiledList, type TrieNode } from './slot-lists.js';

export interface SlotReading {
  end: number;
  value: SlotValue;
  /** True when several configured values share this spoken form (the target resolver asks which one). */
  ambiguous?: boolean;
  wildcard?: boolean;
  cost: number;
}

const MAX_WILDCARD_TOKENS = 24;

export function exactReadings(list: CompiledList, tokens: readonly string[], pos: number): SlotReading[] {
  if (pos >= tokens.length) return [];
  if (list.kind === 'range') {
    return readNumbers(tokens, pos)
      .filter((r) => r.value >= list.from && r.value <= list.to)
      .map((r) => ({ end: r.end, value: r.value, cost: 0 }));
  }
  if (list.kind === 'wildcard') {
    const readings: SlotReading[] = [];
    // Free text about something else ("put [the extractor] on") is no value of this slot, nor any longer run.
    const refused = list.refuses ? refusedFrom(list.refuses, tokens, pos) - 1 : tokens.length;
    const last = Math.min(tokens.length, pos + MAX_WILDCARD_TOKENS, refused);
    for (let end = pos + 1; end <= last; end++) {
      const words = tokens.slice(pos, end);
      if (list.refuses && refusesAlone(list.refuses, words)) continue;
      readings.push({ end, value: words.join(' '), wildcard: true, cost: 0 });
    }
    return readings;
  }
  const readings: SlotReading[] = [];
  let node: TrieNode | undefined = list.root;
  for (let i = pos; i < tokens.length && node; i++) {
    node = node.children.get(tokens[i]!);
    if (node?.outs) readings.push(reading(node.outs, tokens, pos, i + 1, 0));
  }
  return readings.reverse(); // longest first
}

function reading(outs: SlotValue[], tokens: readonly string[], pos: number, end: number, cost: number): SlotReading {
  if (outs.length === 1) return { end, value: outs[0]!, cost };
  return { end, value: tokens.slice(pos, end).join(' '), ambiguous: true, cost };
}

/** One near-miss token (edit distance) or one word of the value left out by the speaker. */
export function fuzzyReadings(list: CompiledList, tokens: readonly string[], pos: number): SlotReading[] {
  if (list.kind !== 'values' || pos >= tokens.length) return [];
  const readings: SlotReading[] = [];
  const walk = (node: TrieNode, i: number, spent: number): void => {
    if (node.outs && spent > 0 && i > pos) readings.push(reading(node.outs, tokens, pos, i, spent));
    if (readings.length > 8) return;
    for (const [token, child] of node.children) {
      const said = tokens[i];
      if (said === token) walk(child, i + 1, spent);
      else if (spent === 0) {
        if (said !== undefined && isNearMiss(said, token)) walk(child, i + 1, 0.6);
        if (i > pos) walk(child, i, 0.8); // the speaker dropped a word of the name
      }
    }
  };
  walk(list.root, pos, 0);
  return readings;
}

/** Edit distance ≤ 1 for short words, ≤ 2 for long ones; never for words under 3 letters. */
export function isNearMiss(a: string, b: string): boolean {
  return nearInLength(a, b) && editDistance(a, b, nearLimit(a, b)) <= nearLimit(a, b);
}

function nearLimit(a: string, b: string): number {
  return Math.max(a.length, b.length) >= 7 ? 2 : 1;
}

/** What isNearMiss checks before it measures: both 3 letters or more, and lengths no further apart than its limit. */
function nearInLength(a: string, b: string): boolean {
  return a.length >= 3 && b.length >= 3 && Math.abs(a.length - b.length) <= nearLimit(a, b);
}

/** Edits to turn `a` into `b`; two letters typed the wrong way round ("lsit") are one edit, as typists make them. */
export function editDistance(a: string, b: string, limit: number): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Slot readings depend only on (list, position): computed once per utterance, shared by all templates. */
export class ReadingCache {
  private readonly exact = new Map<CompiledList, Array<SlotReading[] | undefined>>();
  private readonly fuzzy = new Map<CompiledList, Array<SlotReading[] | undefined>>();
  private readonly near = new Map<string, Map<string, boolean>>();
  constructor(readonly tokens: readonly string[]) {}

  /** `isNearMiss`, remembered: the same said word meets the same template words over and over. */
  nearMiss(said: string, word: string): boolean {
    if (!nearInLength(said, word)) return false;
    let row = this.near.get(said);
    if (!row) {
      row = new Map();
      this.near.set(said, row);
    }
    let hit = row.get(word);
    if (hit === undefined) {
      hit = isNearMiss(said, word);
      row.set(word, hit);
    }
    return hit;
  }

  exactAt(list: CompiledList, pos: number): SlotReading[] {
    return cached(this.exact, list, pos, () => exactReadings(list, this.tokens, pos));
  }

  tolerantAt(list: CompiledList, pos: number): SlotReading[] {
    return cached(this.fuzzy, list, pos, () => [...this.exactAt(list, pos), ...fuzzyReadings(list, this.tokens, pos)]);
  }
}

function cached(
  store: Map<CompiledList, Array<SlotReading[] | undefined>>,
  list: CompiledList,
  pos: number,
  make: () => SlotReading[],
): SlotReading[] {
  let row = store.get(list);
  if (!row) {
    row = [];
    store.set(list, row);
  }
  return (row[pos] ??= make());
}
