/** Runs one compiled template against tokens: exact (backtracking with a failure memo) or tolerant (min-cost DP). */
import type { SlotValue } from '../sdk/intents.js';
import type { CompiledTemplate } from './compile.js';
import { isNearMiss, type ReadingCache, type SlotReading } from './slot-readings.js';
import type { SlotListSet } from './slot-lists.js';

export interface TemplateMatch {
  template: CompiledTemplate;
  slots: Record<string, SlotValue>;
  /** Slot names whose spoken value fits several configured names. */
  ambiguousSlots: string[];
  wildcardTokens: number;
  /** 0 for an exact match; the summed penalty of the tolerated errors otherwise. */
  cost: number;
}

interface Capture {
  slot: string;
  reading: SlotReading;
}

export function matchExact(template: CompiledTemplate, readings: ReadingCache, lists: SlotListSet): TemplateMatch | undefined {
  const tokens = readings.tokens;
  const n = tokens.length;
  const { states, final } = template;
  const failed = new Uint8Array(states.length * (n + 1));
  const captures: Capture[] = [];
  const walk = (state: number, pos: number): boolean => {
    if (state === final && pos === n) return true;
    const key = state * (n + 1) + pos;
    if (failed[key]) return false;
    for (const edge of states[state]!) {
      if (edge.kind === 'eps') {
        if (walk(edge.to, pos)) return true;
      } else if (edge.kind === 'word') {
        if (tokens[pos] === edge.token && walk(edge.to, pos + 1)) return true;
      } else {
        const list = lists.get(edge.list);
        if (!list) continue;
        for (const reading of readings.exactAt(list, pos)) {
          captures.push({ slot: edge.slot, reading });
          if (walk(edge.to, reading.end)) return true;
          captures.pop();
        }
      }
    }
    failed[key] = 1;
    return false;
  };
  if (!walk(0, 0)) return undefined;
  return toMatch(template, captures, 0);
}

const EXTRA_WORD = 1;
const DROPPED_WORD = 1;
const NEAR_WORD = 0.6;
const UNREACHABLE = 1e9;

interface Step {
  next: number;
  pos: number;
  capture?: Capture;
  cost: number;
}

/** Cheapest way through the template allowing extra, dropped and near-miss words; undefined above `maxCost`. */
export function matchTolerant(template: CompiledTemplate, readings: ReadingCache, lists: SlotListSet, maxCost: number): TemplateMatch | undefined {
  const tokens = readings.tokens;
  const n = tokens.length;
  const { states, final } = template;
  const width = n + 1;
  const memo = new Float64Array(states.length * width).fill(-1);
  const choice = new Map<number, Step>();
  const best = (state: number, pos: number): number => {
    if (state === final && pos === n) return 0;
    const key = state * width + pos;
    const known = memo[key]!;
    if (known >= 0) return known;
    memo[key] = UNREACHABLE; // acyclic, but guards against surprises
    let bestCost = UNREACHABLE;
    let bestStep: Step | undefined;
    const consider = (step: Step): void => {
      if (step.cost > maxCost) return;
      const total = step.cost + best(step.next, step.pos);
      if (total < bestCost) {
        bestCost = total;
        bestStep = step;
      }
    };
    if (pos < n) consider({ next: state, pos: pos + 1, cost: EXTRA_WORD });
    for (const edge of states[state]!) {
      if (edge.kind === 'eps') consider({ next: edge.to, pos, cost: 0 });
      else if (edge.kind === 'word') {
        const said = tokens[pos];
        if (said === edge.token) consider({ next: edge.to, pos: pos + 1, cost: 0 });
        else if (said !== undefined && isNearMiss(said, edge.token)) consider({ next: edge.to, pos: pos + 1, cost: NEAR_WORD });
        consider({ next: edge.to, pos, cost: DROPPED_WORD });
      } else {
        const list = lists.get(edge.list);
        if (!list) continue;
        for (const reading of readings.tolerantAt(list, pos))
          consider({ next: edge.to, pos: reading.end, capture: { slot: edge.slot, reading }, cost: reading.cost });
      }
    }
    memo[key] = bestCost;
    if (bestStep) choice.set(key, bestStep);
    return bestCost;
  };
  const total = best(0, 0);
  if (total > maxCost) return undefined;
  const captures: Capture[] = [];
  let state = 0;
  let pos = 0;
  let anchored = 0; // tokens matched by literals or value lists, not by wildcards
  while (!(state === final && pos === n)) {
    const step = choice.get(state * width + pos);
    if (!step) return undefined;
    if (step.capture) {
      captures.push(step.capture);
      if (!step.capture.reading.wildcard) anchored += step.pos - pos;
    } else if (step.pos === pos + 1 && step.next !== state) anchored++;
    state = step.next;
    pos = step.pos;
  }
  // A guess resting on fewer recognised words than it repairs is no match ("blah blah" is not an order).
  if (anchored === 0 || total >= anchored) return undefined;
  return toMatch(template, captures, total);
}

function toMatch(template: CompiledTemplate, captures: Capture[], cost: number): TemplateMatch {
  const slots: Record<string, SlotValue> = { ...template.fixedSlots };
  const ambiguousSlots: string[] = [];
  let wildcardTokens = 0;
  for (const { slot, reading } of captures) {
    slots[slot] = reading.value;
    if (reading.ambiguous) ambiguousSlots.push(slot);
    if (reading.wildcard) wildcardTokens += String(reading.value).split(' ').length;
  }
  return { template, slots, ambiguousSlots, wildcardTokens, cost };
}
