/** Runs one compiled template against tokens: exact (backtracking with a failure memo) or tolerant (min-cost DP). */
import type { SlotValue } from '../sdk/intents.js';
import type { CompiledTemplate } from './compile.js';
import { FUNCTION_WORDS } from './parts/function-words.js';
import type { ReadingCache, SlotReading } from './slot-readings.js';
import type { SlotListSet } from './slot-lists.js';

export interface TemplateMatch {
  template: CompiledTemplate;
  slots: Record<string, SlotValue>;
  /** Slot names whose spoken value fits several configured names. */
  ambiguousSlots: string[];
  wildcardTokens: number;
  /** Slots filled by a wildcard (free text). */
  wildcardSlots: string[];
  /** 0 for an exact match; the summed penalty of the tolerated errors otherwise. */
  cost: number;
}

interface Capture {
  slot: string;
  reading: SlotReading;
}

export function matchExact(
  template: CompiledTemplate,
  readings: ReadingCache,
  lists: SlotListSet,
): TemplateMatch | undefined {
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

/** Cheapest way through the template allowing extra, dropped and near-miss words; undefined above `maxCost`. */
export function matchTolerant(
  template: CompiledTemplate,
  readings: ReadingCache,
  lists: SlotListSet,
  maxCost: number,
): TemplateMatch | undefined {
  const search = new TolerantSearch(template, readings, lists);
  const total = search.best(0, 0, maxCost);
  if (total > maxCost) return undefined;
  const n = readings.tokens.length;
  const captures: Capture[] = [];
  let state = 0;
  let pos = 0;
  let anchored = 0; // tokens matched by literals or value lists, not by wildcards
  while (!(state === template.final && pos === n)) {
    const step = search.step(state, pos);
    if (!step) return undefined;
    // A word left out may be "the", never one that says what or what to do ("please shut off" is not "shut off the car").
    if (step.dropped !== undefined && (!FUNCTION_WORDS.has(step.dropped) || MEANINGFUL.has(step.dropped)))
      return undefined;
    if (step.capture) {
      captures.push(step.capture);
      if (!step.capture.reading.wildcard) anchored += step.pos - pos;
    } else if (step.pos === pos + 1 && step.next !== state) anchored++;
    // Skipping a word is for "please" and "the", not for a word the sentence does not know ("the greenhouse window").
    else if (step.pos === pos + 1 && !FUNCTION_WORDS.has(readings.tokens[pos]!)) return undefined;
    state = step.next;
    pos = step.pos;
  }
  // A guess resting on fewer recognised words than it repairs is no match ("blah blah" is not an order).
  if (anchored === 0 || total >= anchored) return undefined;
  return toMatch(template, captures, total);
}

/** An option of TolerantSearch.best: OPTION_SIZE entries in a flat array, no object per option. */
type OptionEntry = number | string | SlotReading | undefined;
const OPTION_SIZE = 6;

interface Step {
  next: number;
  pos: number;
  capture?: Capture;
  /** A word of the template the speaker left out. */
  dropped?: string;
}

/** Left out, these change what is asked ("turn the kettle" could be on or off): no repair supplies them. */
const MEANINGFUL = new Set(['on', 'off', 'up', 'down', 'in', 'out', 'not', 'no', 'all']);

/**
 * Min-cost search over (state, position) with a budget: a branch costing more than what is left is not walked,
 * so a request is compared only along the few paths that repair at most a word or two. Per (state, position) it
 * remembers the exact cheapest cost once known, or that it costs more than some budget.
 */
class TolerantSearch {
  private readonly width: number;
  private readonly exact = new Map<number, number>();
  private readonly above = new Map<number, number>();
  private readonly choice = new Map<number, Step>();

  constructor(
    private readonly template: CompiledTemplate,
    private readonly readings: ReadingCache,
    private readonly lists: SlotListSet,
  ) {
    this.width = readings.tokens.length + 1;
  }

  step(state: number, pos: number): Step | undefined {
    return this.choice.get(state * this.width + pos);
  }

  /** The cheapest cost from here to the end, or UNREACHABLE when it exceeds `budget`. */
  best(state: number, pos: number, budget: number): number {
    const tokens = this.readings.tokens;
    if (state === this.template.final && pos === tokens.length) return 0;
    const key = state * this.width + pos;
    const known = this.exact.get(key);
    if (known !== undefined) return known <= budget ? known : UNREACHABLE;
    if ((this.above.get(key) ?? -1) >= budget) return UNREACHABLE;
    this.above.set(key, budget); // acyclic, but guards against surprises while this one is open
    const said = tokens[pos];
    // Each option is OPTION_SIZE entries in a row: next state, next position, cost of the step, and the slot and reading
    // it captures or the template word it leaves out. Free steps first, to find a cheap bound early.
    const options: OptionEntry[] = [];
    const costly: OptionEntry[] = [];
    for (const edge of this.template.states[state]!) {
      if (edge.kind === 'eps') options.push(edge.to, pos, 0, undefined, undefined, undefined);
      else if (edge.kind === 'word') {
        if (said === edge.token) options.push(edge.to, pos + 1, 0, undefined, undefined, undefined);
        else if (said !== undefined && this.readings.nearMiss(said, edge.token))
          costly.push(edge.to, pos + 1, NEAR_WORD, undefined, undefined, undefined);
        costly.push(edge.to, pos, DROPPED_WORD, undefined, undefined, edge.token);
      } else {
        const list = this.lists.get(edge.list);
        if (!list) continue;
        for (const reading of this.readings.tolerantAt(list, pos))
          (reading.cost === 0 ? options : costly).push(
            edge.to,
            reading.end,
            reading.cost,
            edge.slot,
            reading,
            undefined,
          );
      }
    }
    if (pos < tokens.length) costly.push(state, pos + 1, EXTRA_WORD, undefined, undefined, undefined);
    let bestCost = UNREACHABLE;
    let bestStep: Step | undefined;
    for (const list of [options, costly])
      for (let k = 0; k < list.length; k += OPTION_SIZE) {
        const next = list[k] as number;
        const at = list[k + 1] as number;
        const cost = list[k + 2] as number;
        const limit = Math.min(budget, bestCost) - cost;
        if (limit < 0) continue;
        const rest = this.best(next, at, limit);
        if (rest === UNREACHABLE) continue;
        const total = cost + rest;
        if (total < bestCost) {
          bestCost = total;
          const reading = list[k + 4] as SlotReading | undefined;
          const dropped = list[k + 5] as string | undefined;
          bestStep = reading
            ? { next, pos: at, capture: { slot: list[k + 3] as string, reading } }
            : dropped
              ? { next, pos: at, dropped }
              : { next, pos: at };
        }
      }
    if (bestCost <= budget) {
      this.exact.set(key, bestCost);
      this.choice.set(key, bestStep!);
      return bestCost;
    }
    return UNREACHABLE;
  }
}

function toMatch(template: CompiledTemplate, captures: Capture[], cost: number): TemplateMatch {
  const slots: Record<string, SlotValue> = { ...template.fixedSlots };
  const ambiguousSlots: string[] = [];
  let wildcardTokens = 0;
  const wildcardSlots: string[] = [];
  for (const { slot, reading } of captures) {
    slots[slot] = reading.value;
    if (reading.ambiguous) ambiguousSlots.push(slot);
    if (reading.wildcard) {
      wildcardTokens += String(reading.value).split(' ').length;
      wildcardSlots.push(slot);
    }
  }
  return { template, slots, ambiguousSlots, wildcardTokens, wildcardSlots, cost };
}
