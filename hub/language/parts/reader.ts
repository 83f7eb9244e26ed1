/**
 * The second stage of understanding: a request read as parts in any order (tagger.ts) is matched against every
 * intent that declares `cues`. An intent scores for its action words, for a value it needs (a percentage, a
 * temperature, a duration, a colour) and for a target it can act on; words nothing explains count against it. The
 * frame is built from the intent's declared slots, the way Home Assistant fills them: a named device gives `name`
 * (and `area`/`floor` only when said), a class of devices gives `domain` (and `device_class` for covers) only for
 * intents that have those slots. Work per request: every intent's cues against a handful of words, whatever the
 * number of devices.
 */
import type { DeviceType } from '../../sdk/devices.js';
import type { IntentCues, IntentTargets } from '../../sdk/intent-declaration.js';
import type { Intent, SlotValue } from '../../sdk/intents.js';
import type { IntentInfo } from '../intent-registry.js';
import { refusesText, type SlotListSet } from '../slot-lists.js';
import { PLAYABLE_WORDS } from '../lexicon/free-text-en.js';
import { MUSIC_GENRES } from '../lexicon/media-en.js';
import { SHORT_WHILE_WORDS } from '../lexicon/parts-en.js';
import { tokenize } from '../normalize.js';
import { nameKey, type DeviceLookup } from '../targets.js';
import { compileCues, compileTopics, findCue, wordsOfCues } from './cues.js';
import { freeText, withoutOwner, type FreeText } from './free-text.js';
import { FUNCTION_WORDS } from './function-words.js';
import { tagRequest, unitsBeforeMore, type Part, type TaggedRequest } from './tagger.js';
import { fillValues } from './values.js';
import { needsDone } from './needs.js';
import { deviceByPartOfName } from './partial-name.js';
import { asksQuestion } from './questions.js';

export interface PartsReading {
  intent: Intent;
  /** How sure: 0.95 at most; below ACCEPT_CONFIDENCE the hub asks instead of acting. */
  confidence: number;
  score: number;
  /** Words of the request nothing explained (for "I did not understand …"). */
  unexplained: string[];
}

export interface ReaderSources {
  infos: ReadonlyMap<string, IntentInfo>;
  lists: SlotListSet;
  devices: DeviceLookup;
}

/** A reading this sure is acted on; below it the hub says what it did not understand and offers the reading. */
export const ACCEPT_CONFIDENCE = 0.7;
const UNEXPLAINED_PENALTY = 0.5;
/** Asking words whose verb comes after who did it ("did the kids leave", "has anyone left"). */
const ASKED_WHO_DID = new Set(['did', 'has', 'have']);
/** What a state asked by the question mark alone counts for, as an action word ("kettle on?"). */
const MARKED_STATE = 0.75;
/** The most a reading without any action word scores: below every reading with one. */
const WEAK_SCORE = 1;
/** Words before a duration that make it a time from now ("in ten minutes"), not how long. */
const LATER_WORDS = new Set(['in', 'after', 'within']);
/** How many words (besides grammar words) a cue that ends the request takes after it ("talking to [my husband]"). */
const ENDING_WORDS = 2;
/** Words before a verb that ask for it not to be done, or no longer. */
const UNDOING = new Set(['not', 'stop', 'quit']);
/** Said before a device's name, another device of that name ("the second garage door"). */
const ANOTHER_OF = new Set(['second', 'third', 'fourth', 'fifth']);
/** Words after which a bare number is a setting. */
const SETTING_WORDS = new Set(['to', 'at', 'on', 'of']);
/** Slots of a relative change, filled from the direction and an amount by fillValues. */
const STEP_SLOTS = new Set(['volume_step', 'brightness_step']);
/** Parts whose words may also be an intent's action words. */
const CUE_PARTS = new Set<Part['kind']>(['class', 'all']);

/** The best reading of the request and the best one of another intent, when any intent fits at all. */
export function readRequest(
  tokens: readonly string[],
  sources: ReaderSources,
  options: { question?: boolean; marked?: boolean } = {},
): { best?: PartsReading; next?: PartsReading } {
  const request = tagRequest(needsDone(unitsBeforeMore(tokens), sources.infos), sources.lists);
  const targets = describeTargets(request, sources.devices);
  const question = options.question ?? asksQuestion(tokens);
  const readings: PartsReading[] = [];
  const topics = cueWords(sources.infos);
  for (const [name, info] of sources.infos) {
    if (question && !info.cues?.answers) continue; // "is the garage door open" opens nothing
    const reading = readAs(name, info, request, targets, sources, topics, options.marked === true);
    if (reading) readings.push(reading);
  }
  readings.sort((a, b) => b.score - a.score);
  const [best] = readings;
  const next = best ? readings.find((r) => r.intent.name !== best.intent.name) : undefined;
  return { ...(best ? { best } : {}), ...(next ? { next } : {}) };
}

interface Targets {
  names: Array<{ index: number; part: Extract<Part, { kind: 'name' }>; types: Set<DeviceType> }>;
  areas: number[];
  floors: number[];
  classes: Array<{ index: number; part: Extract<Part, { kind: 'class' }> }>;
  /** "all", "here": explained by any device intent. */
  scope: number[];
}

/** Every word some intent's action phrases use (one-word phrases: "temperature", "volume", "pause"). */
function cueWords(infos: ReadonlyMap<string, IntentInfo>): ReadonlySet<string> {
  return wordsOfCues(infos, 'one-word cues', (cue) =>
    cue.tokens.length === 1 && !FUNCTION_WORDS.has(cue.tokens[0]!) ? cue.tokens : [],
  );
}

function describeTargets(request: TaggedRequest, devices: DeviceLookup): Targets {
  const out: Targets = { names: [], areas: [], floors: [], classes: [], scope: [] };
  request.parts.forEach((part, index) => {
    if (part.kind === 'name')
      out.names.push({ index, part, types: new Set(devices.byName(nameKey(part.value)).map((d) => d.type)) });
    else if (part.kind === 'area') out.areas.push(index);
    else if (part.kind === 'floor') out.floors.push(index);
    else if (part.kind === 'class') out.classes.push({ index, part });
    else if (part.kind === 'all' || part.kind === 'here' || part.kind === 'side') out.scope.push(index);
  });
  return out;
}

const PARTICLES = new Set(['on', 'off', 'up', 'down']);
const OPPOSITE_PARTICLE: Readonly<Record<string, string>> = { on: 'off', off: 'on', up: 'down', down: 'up' };
/** Grammar words a bare title may hold ("the hobbit audiobook", "songs by adele", "my history podcast"). */
const TITLE_WORDS = new Set(['the', 'a', 'an', 'my', 'our', 'some', 'of', 'by', 'and']);
/** Words a bare title may have around it ("radio two please", "my podcast in the kitchen"). */
const AROUND_TITLE = new Set(['please', 'now', 'the', 'my', 'our', 'some', 'a', 'an', 'in', 'at']);
/** Words that say what not to play ("enough music", "thanks for the music"). */
const NOT_A_REQUEST = new Set(['enough', 'thanks', 'thank', 'no', 'stop', 'later', 'less', 'more', 'called']);
/** A station is named around these ("bbc radio four", "capital fm"). */
const STATION_WORDS = new Set(['radio', 'fm']);

const GENRES = MUSIC_GENRES.map((genre) => tokenize(genre));
/** Words that end a genre and nothing else ("songs" of "christmas songs" also ends "my workout songs"). */
const CLASS_WORDS = new Set(
  PLAYABLE_WORDS.filter((word) => !MUSIC_GENRES.includes(word)).flatMap((word) => tokenize(word)),
);
const GENRE_WORDS = new Set(GENRES.flat().filter((word) => !CLASS_WORDS.has(word)));

/**
 * A kind of music names the whole title ("jazz", "smooth jazz", "hip hop"), at most one word before it: unlike
 * "podcast" or "album", it does not end a longer title ("the purple elephant sings opera" is no request to play).
 */
function onlyAGenre(title: readonly string[]): boolean {
  return GENRES.some(
    (genre) =>
      title.length <= genre.length + 1 && genre.every((word, k) => title[title.length - genre.length + k] === word),
  );
}

/**
 * Whether a request without a verb only names something to play ("bbc radio four", "my history podcast", "radio
 * two please"): the title ends with what it is (or names a station), none of its words is another intent's
 * action, a particle ("the radio off", "audio on") or grammar ("i hate this song"), and around it only a place
 * and "please". `placed`: the words of the named room or device.
 */
function namesOnly(
  tokens: readonly string[],
  text: FreeText,
  welcomes: ReadonlySet<string>,
  cueWords: ReadonlySet<string>,
  placed: ReadonlySet<number>,
): boolean {
  // The class word after the title ("my history [podcast]") or before it ("[playlist] chill mornings please"),
  // taken off it as media_class.
  const classAfter = text.mediaClass !== undefined && welcomes.has(tokens[text.end] ?? '');
  // Before it, only as a label: "[the] album cover" is a thing, not a title.
  const classBefore = text.mediaClass !== undefined && !classAfter && !TITLE_WORDS.has(tokens[text.positions[0]!]!);
  const title = tokens.slice(text.start, text.end);
  const last = title.at(-1)!;
  const kindSaid =
    (welcomes.has(last) && (!GENRE_WORDS.has(last) || onlyAGenre(title))) ||
    classAfter ||
    classBefore ||
    title.some((w) => STATION_WORDS.has(w));
  if (!kindSaid) return false;
  const from = classBefore ? text.positions[0]! : text.start;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    if (PARTICLES.has(word) || NOT_A_REQUEST.has(word) || cueWords.has(word)) return false;
    const inTitle = i >= from && (i < text.end || (classAfter && i === text.end));
    // "kiss am radio": the band of a station, not "i am".
    const band = word === 'am' && tokens[i + 1] === 'radio';
    if (
      inTitle ? FUNCTION_WORDS.has(word) && !TITLE_WORDS.has(word) && !band : !placed.has(i) && !AROUND_TITLE.has(word)
    )
      return false;
  }
  return true;
}

type ClassPart = Extract<Part, { kind: 'class' }>;

/** The device types a class word may mean when something is locked: a door's lock as well as the door. */
function lockedBy(part: ClassPart): DeviceType[] {
  return part.domain === 'cover' && part.deviceClass === 'door' ? ['cover', 'lock'] : [part.domain];
}
/** The same words, meaning the locks. */
function asLocks(part: ClassPart): ClassPart {
  return { kind: 'class', start: part.start, end: part.end, domain: 'lock' };
}

/**
 * "Unlock front": a verb for some kinds of device and one other word, which is part of the name of exactly one device
 * of those kinds; as a name said.
 */
function partOfName(cues: IntentCues, request: TaggedRequest, devices: DeviceLookup): Targets['names'] {
  const { tokens, parts, partAt } = request;
  // A class word may be the verb ("lock the front"): free to be a cue, else it is the target said.
  const free = tokens.map((_, i) => partAt[i] === -1 || parts[partAt[i]!]!.kind === 'class');
  const kinds = new Set<DeviceType>();
  for (const cue of compileCues(cues)) {
    const at = cue.domains && findCue(cue, tokens, free);
    if (!at) continue;
    for (const i of at) free[i] = false;
    for (const kind of cue.domains!) kinds.add(kind);
  }
  if (tokens.some((_, i) => free[i] && partAt[i] !== -1)) return [];
  const left = tokens.flatMap((t, i) => (free[i] && !FUNCTION_WORDS.has(t) ? [i] : []));
  // Only a verb of one kind says which kind outright ("unlock"; "open" is said of covers and valves alike).
  const device =
    kinds.size === 1 && left.length === 1 ? deviceByPartOfName(tokens[left[0]!]!, kinds, devices) : undefined;
  if (!device) return [];
  const at = left[0]!;
  return [
    { index: -1, part: { kind: 'name', start: at, end: at + 1, value: device.name }, types: new Set([device.type]) },
  ];
}

/** Covers answer for valves (Home Assistant's open/close sentences cover both). */
function fits(allowed: readonly DeviceType[], type: DeviceType): boolean {
  return allowed.length === 0 || allowed.includes(type) || (type === 'valve' && allowed.includes('cover'));
}

/** Words that start a reason or purpose said after a request ("… for the drinks", "… I need a wee", "… my feet are cold"). */
const REASON_STARTS = new Set([
  'for',
  'because',
  'cause',
  'cos',
  'since',
  'as',
  'i',
  'im',
  'we',
  'my',
  'our',
  'its',
  'it',
  'he',
  'she',
  'they',
  'theyre',
  'there',
  // What it is for, said as a wish ("… and let the party begin", "… let me read")
  'let',
  'lets',
  // What it must be done before ("… before it rains", "… behind him")
  'before',
  'behind',
]);
/** Said after a question, when what is asked about happened ("did we leave the hob on while we were away"). */
const ASKED_WHEN = new Set(['when', 'after', 'while', 'since', 'during']);
/** Verbs that make the words after a request a remark of their own ("… the roast is done", "… leo's got a cough"). */
const CLAUSE_VERBS = new Set([
  'is',
  'are',
  'was',
  'were',
  'am',
  'has',
  'have',
  'got',
  'gets',
  'going',
  'getting',
  'needs',
  'feels',
  'looks',
  'seems',
  'done',
  'finished',
]);

/**
 * A reason said after the request, without a comma: the words from a reason word to the end, or a trailing remark
 * with its own verb, when none of them is a part (a thing, a place, a value; "please" and "now" may be there) and
 * everything before it is explained. Its words are then explained too.
 */
function explainReason(request: TaggedRequest, explained: boolean[], question: boolean): boolean {
  const { tokens, parts, partAt } = request;
  const filler = (i: number): boolean => partAt[i] !== -1 && parts[partAt[i]!]!.kind === 'filler';
  let start = tokens.length;
  let runStart = tokens.length;
  let verb = false;
  for (let i = tokens.length - 1; i > 0 && ((partAt[i] === -1 && !explained[i]) || filler(i)); i--) {
    runStart = i;
    if (REASON_STARTS.has(tokens[i]!) || (question && ASKED_WHEN.has(tokens[i]!))) start = i;
    if (CLAUSE_VERBS.has(tokens[i]!)) verb = true;
  }
  // Not after a negated verb: "I can't hear what you are saying" is one remark, not a request and a remark.
  if (verb && tokens.length - runStart >= 3 && !tokens.slice(0, runStart).includes('not')) start = runStart;
  if (start === tokens.length) return false;
  if (!tokens.slice(0, start).every((t, i) => explained[i] || FUNCTION_WORDS.has(t))) return false;
  for (let i = start; i < tokens.length; i++) explained[i] = true;
  return true;
}

/** Parts and words a colour may be said with and still be a request for it ("a bit of green in here please"). */
const AROUND_COLOUR_PARTS = new Set<Part['kind']>(['color', 'area', 'floor', 'here', 'all', 'filler']);
const AROUND_COLOUR = new Set(['please', 'now', 'a', 'bit', 'of', 'some', 'little', 'more', 'the', 'in', 'go', 'lets']);

/** Whether the request says a colour and nothing else but a place and politeness ("green", "blue in the hall please"). */
function saysOnlyAColour(request: TaggedRequest, used: Iterable<number>): boolean {
  const { tokens, parts, partAt } = request;
  const values = [...used];
  if (values.length === 0 || values.some((i) => parts[i]!.kind !== 'color')) return false;
  return tokens.every((t, i) =>
    partAt[i] === -1 ? AROUND_COLOUR.has(t) : AROUND_COLOUR_PARTS.has(parts[partAt[i]!]!.kind),
  );
}

/**
 * A slot whose values are the names of one type of device (a to-do list's `{list: 'todo'}`), filled by the first
 * name said of that type.
 */
function keptThing(
  declared: IntentInfo['slots'],
  names: Targets['names'],
): { slot: string; value: string; index: number } | undefined {
  for (const [slot, declaration] of Object.entries(declared)) {
    if (!('list' in declaration)) continue;
    const said = names.find((n) => n.types.has(declaration.list as DeviceType));
    if (said) return { slot, value: said.part.value, index: said.index };
  }
  return undefined;
}

const SHORT_WHILE = SHORT_WHILE_WORDS.map((words) => ({ tokens: tokenize(words), weight: 0 }));

/** A short while said without a number ("a sec", "a moment"), among the words no part took: explained. */
function explainWhile(request: TaggedRequest, free: boolean[], usedTokens: Set<number>): boolean {
  let said = false;
  for (const phrase of SHORT_WHILE) {
    const at = findCue(phrase, request.tokens, free);
    if (!at || at.some((i, k) => k > 0 && i !== at[k - 1]! + 1)) continue;
    said = true;
    for (const i of at) {
      free[i] = false;
      usedTokens.add(i);
    }
  }
  return said;
}

/** Device types that only report: a class of them ("the air", "motion") is something to ask about, never to command. */
const REPORTS_ONLY = new Set<DeviceType>(['sensor', 'binary_sensor']);

/** Words before a place ("in the pantry", "at the cabin", "out in the shed"). */
const PLACE_WORDS = new Set(['in', 'at', 'inside', 'outside']);

function afterPlaceWord(tokens: readonly string[], i: number): boolean {
  const before = tokens[i - 1] ?? '';
  return PLACE_WORDS.has(before) || (before === 'the' && PLACE_WORDS.has(tokens[i - 2] ?? ''));
}

function readAs(
  name: string,
  info: IntentInfo,
  request: TaggedRequest,
  targets: Targets,
  sources: ReaderSources,
  topics: ReadonlySet<string>,
  marked: boolean,
): PartsReading | undefined {
  const cues = info.cues;
  if (!cues) return undefined;
  const { lists } = sources;
  const { tokens, parts, partAt } = request;
  const declared = info.slots;
  const deviceIntent = info.targets !== 'none';
  const allowed: readonly DeviceType[] = deviceIntent ? (info.targets as Exclude<IntentTargets, 'none'>).domains : [];

  // What the request names, as far as this intent can act on it.
  const nameDomains = deviceIntent
    ? ((info.targets as Exclude<IntentTargets, 'none'>).nameDomains ?? allowed)
    : allowed;
  let named = targets.names.filter((n) => [...n.types].some((t) => fits(nameDomains, t)));
  if (deviceIntent && targets.names.length > 0 && named.length === 0) return undefined; // "dim the kettle"
  // "The second garage door" of a house with one: a device it does not have.
  if (deviceIntent && named.some((n) => ANOTHER_OF.has(tokens[n.part.start - 1] ?? ''))) return undefined;
  // A free-text intent keeps class words in its text ("play some music"): only names and places are its targets.
  let classes = cues.freeText
    ? []
    : targets.classes.filter((c) => fits(allowed, c.part.domain) && (cues.answers || !REPORTS_ONLY.has(c.part.domain)));
  if (deviceIntent && named.length === 0 && targets.names.length === 0)
    named = partOfName(cues, request, sources.devices);
  const types = new Set<DeviceType>(
    named.length > 0 ? named.flatMap((n) => [...n.types]) : classes.flatMap((c) => lockedBy(c.part)),
  );

  // Action words: among the words no part took, and class words ("vacuum the hall": the action is the class word).
  const free = tokens.map((_, i) => partAt[i] === -1 || CUE_PARTS.has(parts[partAt[i]!]!.kind));
  const usedTokens = new Set<number>();
  const cueSlots: Record<string, SlotValue> = {};
  let cueScore = 0;
  const actionAt = new Set<number>();
  let topicSaid = false;
  const askedFor = new Set<string>();
  /** The device types of the action words said that are only for some ("lock" for locks). */
  const actedFor: Array<readonly DeviceType[]> = [];
  for (const cue of compileCues(cues)) {
    const at = findCue(cue, tokens, free);
    if (!at) continue;
    // A verb said as not done, or to be stopped, asks nothing of it ("I can't hear what you're saying" and "stop
    // playing music in the den" play nothing).
    // A question may be asked the negative way round ("you wouldn't happen to know the time").
    if (!cues.answers && UNDOING.has(tokens[at[0]! - 1] ?? '')) continue;
    let weight = cue.weight;
    if (cue.domains) {
      const known = types.size > 0 ? [...types] : allowed;
      if (!known.some((t) => cue.domains!.includes(t))) continue;
      if (types.size === 0) weight /= 2;
    }
    cueScore += weight;
    if (cue.domains) actedFor.push(cue.domains);
    if (cue.isTopic) topicSaid = true;
    if (cue.asksFor) askedFor.add(cue.asksFor);
    for (const i of at) {
      free[i] = false;
      usedTokens.add(i);
      actionAt.add(i);
    }
    // "Sorry, talking to [the dog]": the few words after it belong to it (a request after them stays unexplained).
    if (cue.endsRequest)
      for (let i = at.at(-1)! + 1, words = 0; i < tokens.length; i++) {
        if (!FUNCTION_WORDS.has(tokens[i]!) && ++words > ENDING_WORDS) break;
        free[i] = false;
        usedTokens.add(i);
      }
    // "Did the kids leave …", "has anyone left …": the words between the asking word and its verb say who did it.
    if (ASKED_WHO_DID.has(cue.tokens[0]!))
      for (let i = at[0]! + 1; i < (at[1] ?? 0); i++) if (partAt[i] === -1 && free[i]) usedTokens.add(i);
    Object.assign(cueSlots, cue.slots);
  }

  // A class word that was the action is no target ("switch on the toaster": "switch" is the verb).
  classes = classes.filter(
    (c) =>
      !(
        usedTokens.has(c.part.start) &&
        [...Array(c.part.end - c.part.start).keys()].every((k) => usedTokens.has(c.part.start + k))
      ),
  );
  // Doors locked or unlocked are their locks ("lock all the doors": Home Assistant's frame is the locks' domain).
  if (actedFor.length > 0 && actedFor.every((d) => d.includes('lock') && !d.includes('cover')))
    classes = classes.map((c) => (lockedBy(c.part).includes('lock') ? { ...c, part: asLocks(c.part) } : c));
  // A verb for one kind of device, said of another ("open the doors" with a lock's verb): no reading that would act.
  if (named.length === 0 && classes.length > 0 && actedFor.some((d) => !classes.some((c) => d.includes(c.part.domain))))
    return undefined;
  // A kind of device this intent cannot act on, and nothing it can ("start the irrigation" starts no vacuum).
  if (
    deviceIntent &&
    !cues.freeText &&
    named.length === 0 &&
    classes.length === 0 &&
    targets.classes.some((c) => !fits(allowed, c.part.domain) && !usedTokens.has(c.part.start))
  )
    return undefined;

  // Topic words: understood, not an action.
  // A topic that names a thing, not another intent's action ("the music", not "play"): it may stand for the target
  // of an intent that takes no free text (a title's words are the title's).
  let topicNamesThing = false;
  for (const topic of compileTopics(cues)) {
    const at = findCue(topic, tokens, free);
    if (!at) continue;
    topicSaid = true;
    if (!cues.freeText && !topic.tokens.some((t) => topics.has(t))) topicNamesThing = true;
    for (const i of at) {
      free[i] = false;
      usedTokens.add(i);
    }
  }
  // A thing the intent keeps that is named like a device ("the costco list", "my chores"): its slot, and the topic.
  const kept = deviceIntent ? undefined : keptThing(declared, targets.names);
  if (kept) topicSaid = true;
  if (cues.needsTopic && !topicSaid) return undefined;

  // How long it lasts ("pause the music for a minute", "hold the timer a sec"): understood, not in the frame.
  // A duration after "in" says when ("pause the music in ten minutes"): not how long, so not understood here.
  const lasting = (p: Part): boolean => p.kind === 'duration' && !LATER_WORDS.has(tokens[p.start - 1] ?? '');
  const whileSaid = cues.forAWhile === true && (explainWhile(request, free, usedTokens) || parts.some(lasting));

  // Values it needs.
  const values = fillValues(declared, request, cueSlots, lists, usedTokens);
  if (cues.forAWhile && !parts.some((p) => p.kind === 'duration' && !lasting(p)))
    for (const unit of ['hours', 'minutes', 'seconds']) if (values.slots[unit] !== undefined) delete values.slots[unit];
  const slots: Record<string, SlotValue> = {};
  // Directions ("up", "down") become step slots through fillValues; other words' slots are taken as they are.
  for (const [slot, value] of Object.entries(cueSlots))
    if (slot in declared && values.slots[slot] === undefined && !STEP_SLOTS.has(slot)) slots[slot] = value;
  Object.assign(slots, values.slots);
  const valueSaid = (cues.needsOneOf ?? []).some((s) => slots[s] !== undefined);
  // "change the colour of the lamp": the value is missing but named, for the skill to ask for.
  if (cues.needsOneOf && !valueSaid && !cues.needsOneOf.some((s) => askedFor.has(s))) return undefined;

  // Its target, in Home Assistant's slots.
  const usedParts = new Set(values.used);
  if (kept) {
    slots[kept.slot] = kept.value;
    usedParts.add(kept.index);
  }
  let targetSaid = false;
  if (deviceIntent) {
    const first = named[0];
    if (first && 'name' in declared) {
      slots.name = first.part.value;
      for (const n of named) usedParts.add(n.index); // "the light in here, the bathroom light"
      targetSaid = true;
    }
    // A room or floor alone is a target only for an intent about one kind of device ("vacuum the kitchen");
    // "turn on the toaster in the kitchen" must not switch on the whole kitchen.
    const placeIsTarget = allowed.length > 0;
    const area = targets.areas[0];
    if (area !== undefined && 'area' in declared) {
      slots.area = (parts[area] as { value: string }).value;
      usedParts.add(area);
      if (placeIsTarget) targetSaid = true;
    }
    const floor = targets.floors[0];
    if (floor !== undefined && 'floor' in declared && slots.area === undefined) {
      slots.floor = (parts[floor] as { value: string }).value;
      usedParts.add(floor);
      if (placeIsTarget) targetSaid = true;
    }
    // A question about one kind of device asked of "in here" is about this room ("how warm is it in here").
    if (placeIsTarget && cues.answers && parts.some((p) => p.kind === 'here')) targetSaid = true;
    const cls = classes[0];
    if (cls) {
      for (const c of classes) usedParts.add(c.index);
      targetSaid = true;
      if (!first && 'domain' in declared) {
        slots.domain = cls.part.domain;
        if (cls.part.deviceClass && 'device_class' in declared) slots.device_class = cls.part.deviceClass;
      }
    }
  }
  for (const i of targets.scope) usedParts.add(i); // "all", "here": no word left unexplained
  // "start the vacuum at one", "switch the fan off in an hour": a time for later is no request for now.
  if (cues.forAWhile) parts.forEach((p, i) => lasting(p) && usedParts.add(i));
  if (deviceIntent && parts.some((p, i) => (p.kind === 'time' || p.kind === 'duration') && !usedParts.has(i)))
    return undefined;
  if (cues.needsTarget && !targetSaid) {
    const here = deviceIntent && (info.targets as Exclude<IntentTargets, 'none'>).areaFromContext && allowed.length > 0;
    if (!here) return undefined;
  }

  // A bare scene or script name runs it ("movie night").
  let bare = 0;
  if (
    cueScore === 0 &&
    cues.bareNameOf &&
    named.length === 1 &&
    [...named[0]!.types].every((t) => cues.bareNameOf!.includes(t))
  )
    bare = 1;
  // A value with its unit says which intent on its own ("21 degrees", "brightest", a colour said alone: "green in
  // here please"); a bare number needs a target that takes it.
  const unitSaid =
    [...values.used].some((i) => {
      const p = parts[i]!;
      return (p.kind === 'number' && p.unit === 'degrees') || (p.kind === 'extreme' && p.of !== undefined);
    }) ||
    (cueScore === 0 && saysOnlyAColour(request, values.used));
  // A bare number is a setting when it has its unit or comes after "to"/"at" ("lamp to 40"; "desk lamp one off" is a name).
  const setting = [...values.used].some((i) => {
    const p = parts[i]!;
    return p.kind !== 'number' || p.unit !== undefined || SETTING_WORDS.has(tokens[p.start - 1] ?? '');
  });
  // "Kettle on?": a state asked by the question mark alone says what is asked, as "is" would.
  if (marked && cues.answers && cueScore === 0 && slots.state !== undefined) cueScore = MARKED_STATE;
  const valueEvidence = valueSaid && setting && ((targetSaid && allowed.length > 0) || unitSaid) ? 1 : 0;
  // Nothing says what to do: at most a guess to offer back ("the kettle?" → "turn on the kettle"), never acted on.
  const weak = cueScore === 0 && bare === 0 && valueEvidence === 0;
  // No verb at all: only a request that names what to play and nothing else ("radio two please"), checked below.
  const verbless = weak && cues.freeText !== undefined;
  if (weak && !verbless && (!targetSaid || cues.freeText)) return undefined;

  // Words nothing explained; a free-text slot takes the run of them after the action.
  const explained = new Array<boolean>(tokens.length).fill(false);
  for (const i of usedTokens) explained[i] = true;
  for (const i of values.words) explained[i] = true;
  parts.forEach((part, index) => {
    if (part.kind === 'filler' || usedParts.has(index)) for (let i = part.start; i < part.end; i++) explained[i] = true;
  });
  let freeTextSaid = false;
  let welcomed = false;
  if (cues.freeText) {
    let text = freeText(tokens, explained, actionAt, 'media_class' in declared);
    if (!text) return undefined;
    const declaredText = declared[cues.freeText];
    const list = declaredText && 'list' in declaredText ? lists.get(declaredText.list) : undefined;
    // "my work [list]" is no item; "add vodka to my party [shopping list]": the item stops where the list's name starts.
    const after = tokens[text.end] ?? '';
    if (list?.kind === 'wildcard' && list.refuses?.before.has(after)) return undefined;
    if (list?.kind === 'wildcard' && list.refuses?.ownerBefore.has(after)) {
      text = withoutOwner(tokens, text);
      if (!text) return undefined;
    }
    if (list?.kind === 'wildcard' && refusesText(list.refuses, tokenize(text.value))) return undefined;
    // Free text needs its verb said outright ("play", not just "open"), unless it says what kind of thing it is
    // ("open my podcasts", "turn it to the jazz station").
    welcomed = list?.kind === 'wildcard' && text.positions.some((i) => list.welcomes?.has(tokens[i]!) === true);
    if (verbless) {
      const placed = new Set<number>();
      for (const i of usedParts) for (let k = parts[i]!.start; k < parts[i]!.end; k++) placed.add(k);
      const welcomes = list?.kind === 'wildcard' ? list.welcomes : undefined;
      if (!welcomed || !welcomes || !namesOnly(tokens, text, welcomes, topics, placed)) return undefined;
    } else if (cueScore < (welcomed ? 0.5 : 0.75)) return undefined;
    // A title before a weak verb is no title ("tap start"): only before a verb said outright.
    const beforeAction = text.positions.every((i) => [...actionAt].every((a) => i < a));
    if (beforeAction && !welcomed && cueScore < 1) return undefined;
    slots[cues.freeText] = text.value;
    freeTextSaid = true;
    for (const i of text.positions) explained[i] = true;
    if (text.mediaClass && 'media_class' in declared) slots.media_class = text.mediaClass;
  }
  const unexplained = tokens.filter((t, i) => !explained[i] && !FUNCTION_WORDS.has(t));
  // "Switch everything off on the top floor": an action's particle with its opposite left over says the other way
  // (left over as a particle, not as a place's preposition: "turn off the lamp on the landing").
  const particleAt = (i: number): boolean =>
    tokens[i + 1] !== 'the' && (i + 1 >= tokens.length || partAt[i + 1] === -1);
  if (
    [...actionAt].some((a) =>
      tokens.some((t, i) => !explained[i] && OPPOSITE_PARTICLE[tokens[a]!] === t && particleAt(i)),
    )
  )
    return undefined;
  // "in the pantry" when the house has no pantry: a place it does not know, so no room or device here is meant.
  if (deviceIntent && tokens.some((t, i) => !explained[i] && !FUNCTION_WORDS.has(t) && afterPlaceWord(tokens, i)))
    return undefined;
  if (deviceIntent && !cues.freeText && explainReason(request, explained, cues.answers === true))
    unexplained.splice(0, unexplained.length, ...tokens.filter((t, i) => !explained[i] && !FUNCTION_WORDS.has(t)));
  // An unknown word right before a class word is likely a name the house does not have ("the greenhouse window").
  if (!slots.name && classes.length > 0) {
    const before = classes[0]!.part.start - 1;
    if (before >= 0 && !explained[before] && !FUNCTION_WORDS.has(tokens[before]!)) return undefined;
  }
  if (cues.alone && unexplained.length > 0) return undefined;
  if (verbless && unexplained.length > 0) return undefined;
  // A left-over word that is another intent's action ("lower the temperature" read as volume) counts double.
  const penalty = unexplained.reduce((sum, word) => sum + (topics.has(word) ? 2 : 1) * UNEXPLAINED_PENALTY, 0);
  const score =
    cueScore +
    bare +
    (valueSaid || freeTextSaid || values.timeSaid ? 1 : 0) +
    // Which one of the things it keeps ("the rice timer", "the ten minute timer"): what a target is to others.
    (!deviceIntent && !valueSaid && Object.keys(values.slots).length > 0 ? 0.5 : 0) +
    (unitSaid ? 0.5 : 0) +
    // How long a pause lasts says it is one ("hold the timer a minute").
    (whileSaid && cueScore > 0 ? 0.5 : 0) +
    (welcomed ? 0.5 : 0) +
    (cues.alone ? 1 : 0) +
    (targetSaid ? 1 : 0) +
    // An intent about no device needs its topic said ("the list"): the topic is what a target is to others. A
    // device intent's topic said instead of a device is what it acts on here ("music back on", "pause the song").
    (topicSaid
      ? (cues.needsTopic && !deviceIntent) || (deviceIntent && !targetSaid && topicNamesThing)
        ? 1
        : 0.5
      : 0) -
    penalty;
  if (weak && !verbless)
    return { intent: { name, slots }, confidence: 0, score: Math.min(score, WEAK_SCORE), unexplained };
  const confidence = Math.max(0, Math.min(0.95, Math.round((0.4 + 0.2 * score) * 100) / 100));
  return { intent: { name, slots }, confidence, score, unexplained };
}
