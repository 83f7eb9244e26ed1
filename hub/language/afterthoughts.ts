/**
 * Clauses that only say which thing a request is about, said after it or apart from it: a correction ("switch on
 * the lamp, no wait, the fan"), a clarification ("lock the door, the side one"; "red please, the big light"), and a
 * request that points with "it"/"them" at a thing named in another clause ("is the oven on? turn it off"). Each is
 * folded into the request it completes, so the request is read once, about the right thing. "Not the fan" and
 * "and the fan" are no corrections: those clauses are left as they are.
 */
import type { SlotListSet } from './slot-lists.js';
import { tagRequest, type Part } from './parts/tagger.js';

/** Words a clause that only names a target may also have ("no wait, the fan", "sorry, I mean the kitchen one"). */
const CORRECTING_WORDS = new Set([
  'no',
  'nope',
  'wait',
  'sorry',
  'oops',
  'oh',
  'actually',
  'i',
  'mean',
  'meant',
  'make',
  'rather',
  'instead',
  'just',
  'only',
  'please',
  'well',
  'um',
  'er',
  'hmm',
]);
/** Correcting words that are only polite or hesitant: they do not make a clause a correction. */
const POLITE = new Set(['please', 'um', 'er', 'hmm', 'oh', 'well', 'just', 'only']);
/** Words that belong to a target phrase without naming anything ("the", "my", "our"). */
const DETERMINERS = new Set(['the', 'my', 'our', 'your', 'this', 'that', 'these', 'those']);
/** "The side one": the thing of the request before, picked out by the word before "one". */
const ONE = new Set(['one', 'ones']);
/** Clauses starting so add a second thing, or exclude one: they correct nothing. */
const NOT_A_CORRECTION = new Set(['and', 'also', 'plus', 'not', 'except', 'but', 'too', 'as']);
/** Words that point back at a thing said in another clause. */
const POINTING = new Set(['it', 'them']);

const PARTICLES = new Set(['on', 'off', 'up', 'down']);
/** A clause starting so says something about a thing ("I'm defrosting it"); it asks nothing to be done to it. */
const SUBJECTS = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it', 'there', 'that', 'this']);

const VALUE_PARTS = new Set<Part['kind']>(['number', 'color', 'extreme', 'duration', 'time']);
const DEVICE_PARTS = new Set<Part['kind']>(['name', 'class']);
const PLACE_PARTS = new Set<Part['kind']>(['area', 'floor']);

interface Span {
  start: number;
  end: number;
}

/** The clauses with afterthoughts folded into the requests they complete; the same array when there are none. */
export function foldAfterthoughts(clauses: readonly string[][], lists: SlotListSet): readonly string[][] {
  if (clauses.length < 2) return clauses;
  // "no, wait, the fan": a clause of correcting words alone belongs to the one after it.
  let out: string[][] = [];
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    const next = clauses[i + 1];
    if (next && clause.every((t) => CORRECTING_WORDS.has(t)) && targetOnly(next, lists)) {
      out.push([...clause, ...next]);
      i++;
    } else out.push(clause);
  }
  for (let i = 1; i < out.length; i++) {
    const target = targetOnly(out[i]!, lists);
    if (!target) continue;
    const folded = fold(out[i - 1]!, target, lists);
    if (!folded) continue;
    out.splice(i - 1, 2, folded);
    i--;
  }
  out = resolvePointing(out, lists);
  return out.length === clauses.length && out.every((c, i) => c === clauses[i]) ? clauses : out;
}

interface TargetClause {
  tokens: string[];
  kind: 'device' | 'place';
  /** Position of "one" in `tokens`, to be replaced by the thing of the request before. */
  one?: number;
}

/** The target a clause names and nothing else, without its correcting words. */
function targetOnly(clause: readonly string[], lists: SlotListSet): TargetClause | undefined {
  if (NOT_A_CORRECTION.has(clause[0]!) || clause.includes('not')) return undefined;
  const { parts, partAt } = tagRequest(clause, lists);
  const tokens: string[] = [];
  let device = false;
  let place = false;
  let one: number | undefined;
  let unknown = 0;
  // "The …", "no, …": said as the rest of a request, not as one of its own ("telly off, bedtime": a reason).
  let introduced = false;
  for (let i = 0; i < clause.length; i++) {
    const token = clause[i]!;
    const part = partAt[i]! >= 0 ? parts[partAt[i]!]! : undefined;
    if (tokens.length === 0 && (DETERMINERS.has(token) || (CORRECTING_WORDS.has(token) && !POLITE.has(token))))
      introduced = true;
    if (ONE.has(token) && i === clause.length - 1 && tokens.length > 0) {
      one = tokens.length;
      tokens.push(token);
    } else if (part) {
      if (part.kind === 'filler') continue;
      if (DEVICE_PARTS.has(part.kind)) device = true;
      else if (PLACE_PARTS.has(part.kind)) place = true;
      else if (part.kind !== 'here') return undefined; // a value or "all": more than a target
      tokens.push(token);
    } else if (DETERMINERS.has(token)) {
      if (token !== 'that' || tokens.length > 0) tokens.push(token); // "make that the fan"
    } else if (CORRECTING_WORDS.has(token)) {
      if (tokens.length > 0) return undefined; // "the lamp please wait": not a target alone
    } else {
      unknown++;
      tokens.push(token);
    }
  }
  // An unknown word is only a modifier of "one" ("the side one"), never a thing of its own.
  if (!introduced || (unknown > 0 && one === undefined)) return undefined;
  if (one !== undefined) return { tokens, kind: 'device', one };
  if (device) return { tokens, kind: 'device' };
  if (place) return { tokens, kind: 'place' };
  return undefined;
}

/** The request with its target replaced by (or, when it has none, completed with) the afterthought's. */
function fold(request: readonly string[], target: TargetClause, lists: SlotListSet): string[] | undefined {
  const tagged = tagRequest(request, lists);
  if (target.kind === 'place') {
    const place = spanOf(tagged.parts, tagged.tokens, PLACE_PARTS);
    if (place) return replace(request, place, target.tokens);
    const thing = spanOf(tagged.parts, tagged.tokens, DEVICE_PARTS);
    return thing ? [...request, 'in', ...target.tokens] : undefined;
  }
  const device = spanOf(tagged.parts, tagged.tokens, DEVICE_PARTS);
  let said = target.tokens;
  if (target.one !== undefined) {
    // "lock the door, the side one" → "the side door": the class word or name of the request before.
    const thing =
      device && tagged.parts.find((p) => p.kind === 'class' && p.start >= device.start && p.end <= device.end);
    if (!thing) return undefined;
    said = [...said.slice(0, target.one), ...request.slice(thing.start, thing.end), ...said.slice(target.one + 1)];
    if (!tagRequest(said, lists).parts.some((p) => p.kind === 'name')) return undefined;
  }
  if (device) return replace(request, device, said);
  const pointing = request.findIndex((t, i) => i > 0 && POINTING.has(t));
  if (pointing >= 0) return replace(request, { start: pointing, end: pointing + 1 }, said);
  // A setting waiting for its thing ("red please, the big light"); else the clause before was a remark.
  return tagged.parts.some((p) => VALUE_PARTS.has(p.kind)) ? [...request, ...said] : undefined;
}

/**
 * A request that says "it" or "them" and names no thing takes the thing of the other clause that names one; that
 * clause only said what "it" is ("did I leave the oven on, turn it off"), so it is dropped.
 */
function resolvePointing(clauses: string[][], lists: SlotListSet): string[][] {
  for (let j = 0; j < clauses.length; j++) {
    const clause = clauses[j]!;
    const pointing = clause.findIndex((t, i) => i > 0 && POINTING.has(t));
    if (pointing < 0 || SUBJECTS.has(clause[0]!)) continue;
    const own = tagRequest(clause, lists);
    if (own.parts.some((p) => DEVICE_PARTS.has(p.kind) && !isVerb(p, clause))) continue;
    const order = [...clauses.keys()].filter((k) => k !== j).sort((a, b) => Math.abs(a - j) - Math.abs(b - j) || a - b);
    for (const k of order) {
      const other = tagRequest(clauses[k]!, lists);
      const span = spanOf(other.parts, other.tokens, DEVICE_PARTS, true) ?? keptThingSaid(clauses[k]!);
      if (!span) continue;
      const resolved = replace(clause, { start: pointing, end: pointing + 1 }, clauses[k]!.slice(span.start, span.end));
      return [resolved, ...clauses.filter((_, i) => i !== j && i !== k)];
    }
  }
  return clauses;
}

/** Things the hub keeps that are no device, named alone in a clause ("the pizza timer, cancel it"). */
const KEPT_THINGS = new Set(['timer', 'alarm', 'reminder', 'list', 'playlist', 'podcast', 'album', 'audiobook']);
const LONGEST_THING = 5;

/** The whole clause, when it only names a kept thing: a determiner, a few words and the thing's word. */
function keptThingSaid(clause: readonly string[]): Span | undefined {
  const said =
    clause.length >= 2 &&
    clause.length <= LONGEST_THING &&
    DETERMINERS.has(clause[0]!) &&
    KEPT_THINGS.has(clause.at(-1)!) &&
    !clause.slice(1).some((t) => DETERMINERS.has(t) || POINTING.has(t));
  return said ? { start: 0, end: clause.length } : undefined;
}

/**
 * Where the request says its target: the run of parts of the given kinds (with places next to a thing, "the
 * downstairs lights", when `withPlaces`), and the determiner before it.
 */
function spanOf(
  parts: readonly Part[],
  tokens: readonly string[],
  kinds: ReadonlySet<Part['kind']>,
  withPlaces = kinds === DEVICE_PARTS,
): Span | undefined {
  const named = parts.findIndex((p) => p.kind === 'name' && kinds.has(p.kind));
  const at = named >= 0 ? named : parts.findIndex((p) => kinds.has(p.kind) && !isVerb(p, tokens));
  if (at < 0) return undefined;
  const joins = (p: Part | undefined): boolean => !!p && (kinds.has(p.kind) || (withPlaces && PLACE_PARTS.has(p.kind)));
  let first = at;
  while (first > 0 && joins(parts[first - 1]) && parts[first - 1]!.end === parts[first]!.start) first--;
  let last = at;
  while (joins(parts[last + 1]) && parts[last + 1]!.start === parts[last]!.end) last++;
  let start = parts[first]!.start;
  if (start > 0 && DETERMINERS.has(tokens[start - 1]!)) start--;
  return { start, end: parts[last]!.end };
}

/** A class word that starts a request, or comes before what it acts on, is its verb ("lock the door", "switch it off"). */
function isVerb(part: Part, tokens: readonly string[]): boolean {
  if (part.kind !== 'class' || part.end >= tokens.length) return false;
  const next = tokens[part.end]!;
  const object = (t: string | undefined): boolean => t !== undefined && (DETERMINERS.has(t) || POINTING.has(t));
  return part.start === 0 || object(next) || (PARTICLES.has(next) && object(tokens[part.end + 1]));
}

function replace(tokens: readonly string[], span: Span, by: readonly string[]): string[] {
  return [...tokens.slice(0, span.start), ...by, ...tokens.slice(span.end)];
}
