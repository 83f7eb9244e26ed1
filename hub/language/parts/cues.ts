/** An intent's action cues, tokenized once, and finding them among a request's free words. */
import type { ActionCue, IntentCues } from '../../sdk/intent-declaration.js';
import type { DeviceType } from '../../sdk/devices.js';
import type { SlotValue } from '../../sdk/intents.js';
import type { IntentInfo } from '../intent-registry.js';
import { tokenize } from '../normalize.js';

export interface CompiledCue {
  tokens: string[];
  weight: number;
  domains?: readonly DeviceType[];
  slots?: Readonly<Record<string, SlotValue>>;
  isTopic?: boolean;
  asksFor?: string;
  endsRequest?: boolean;
}

const compiled = new WeakMap<IntentCues, CompiledCue[]>();

/** Longest phrases first, so "turn on" is taken before "on". */
export function compileCues(cues: IntentCues): CompiledCue[] {
  let out = compiled.get(cues);
  if (!out) {
    out = cues.actions
      .map(compileCue)
      .filter((c) => c.tokens.length > 0)
      .sort((a, b) => b.tokens.length - a.tokens.length || b.weight - a.weight);
    compiled.set(cues, out);
  }
  return out;
}

const topics = new WeakMap<IntentCues, CompiledCue[]>();

/** The intent's topic words as phrases (weight 0: they explain words but name no action). */
export function compileTopics(cues: IntentCues): CompiledCue[] {
  let out = topics.get(cues);
  if (!out) {
    out = (cues.topics ?? [])
      .map((t) => ({ tokens: tokenize(t), weight: 0 }))
      .filter((c) => c.tokens.length > 0)
      .sort((a, b) => b.tokens.length - a.tokens.length);
    topics.set(cues, out);
  }
  return out;
}

function compileCue(cue: ActionCue): CompiledCue {
  if (typeof cue === 'string') return { tokens: tokenize(cue), weight: 1 };
  return {
    tokens: tokenize(cue.words),
    weight: cue.weight ?? 1,
    ...(cue.domains ? { domains: cue.domains } : {}),
    ...(cue.slots ? { slots: cue.slots } : {}),
    ...(cue.isTopic ? { isTopic: true } : {}),
    ...(cue.asksFor ? { asksFor: cue.asksFor } : {}),
    ...(cue.endsRequest ? { endsRequest: true } : {}),
  };
}

/** Words other parts may stand between ("turn [the kitchen light] on"): at most this many positions apart. */
const MAX_GAP = 5;
/** A verb's particle is the first one after it: "turn it all off on the ground floor" has no "turn on". */
const PARTICLES = new Set(['on', 'off', 'up', 'down']);

/**
 * Where the cue's words are among the request's free positions (not yet used), in order, each within MAX_GAP of the
 * one before; undefined when they are not all there.
 */
export function findCue(cue: CompiledCue, tokens: readonly string[], free: readonly boolean[]): number[] | undefined {
  for (let start = 0; start < tokens.length; start++) {
    if (!free[start] || tokens[start] !== cue.tokens[0]) continue;
    const at = [start];
    let pos = start;
    for (let k = 1; k < cue.tokens.length; k++) {
      let next = -1;
      for (let i = pos + 1; i < tokens.length && i - pos <= MAX_GAP; i++) {
        if (free[i] && tokens[i] === cue.tokens[k]) {
          next = i;
          break;
        }
        if (PARTICLES.has(tokens[i]!) && PARTICLES.has(cue.tokens[k]!)) break;
      }
      if (next < 0) break;
      at.push(next);
      pos = next;
    }
    if (at.length === cue.tokens.length) return at;
  }
  return undefined;
}

const wordSets = new WeakMap<
  ReadonlyMap<string, IntentInfo>,
  { size: number; sets: Map<string, ReadonlySet<string>> }
>();

/**
 * Words drawn from every intent's compiled cues by `pick` (which words of which intents), made once per registry
 * state and kept under `name`.
 */
export function wordsOfCues(
  infos: ReadonlyMap<string, IntentInfo>,
  name: string,
  pick: (cue: CompiledCue, info: IntentInfo) => readonly string[],
): ReadonlySet<string> {
  let cached = wordSets.get(infos);
  if (!cached || cached.size !== infos.size) {
    cached = { size: infos.size, sets: new Map() };
    wordSets.set(infos, cached);
  }
  let words = cached.sets.get(name);
  if (!words) {
    const found = new Set<string>();
    for (const info of infos.values())
      for (const cue of info.cues ? compileCues(info.cues) : []) for (const w of pick(cue, info)) found.add(w);
    words = found;
    cached.sets.set(name, words);
  }
  return words;
}
