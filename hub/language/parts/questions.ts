/**
 * Whether a request asks something rather than asks for something: by its first words ("is the door locked"), by
 * asking words inside it ("tell me if …"), by "still" before a state ("porch light still on"), or only by the
 * question mark a typed request ends with ("kettle on?", "gas valve shut?").
 */
/** A request starting with one of these asks something: only intents that answer questions read it. */
import type { IntentInfo } from '../intent-registry.js';
import { wordsOfCues } from './cues.js';
import type { Part, TaggedRequest } from './tagger.js';

const QUESTION_STARTS = new Set([
  'is',
  'are',
  'did',
  'does',
  'do',
  'was',
  'were',
  'what',
  'which',
  'how',
  'who',
  'when',
  'where',
  'why',
  'has',
  'have',
  'whats',
  'hows',
  'wheres',
]);
/** Sounds and words said before a question while thinking. */
const HESITATIONS = new Set(['um', 'uh', 'er', 'erm', 'hmm', 'oh', 'so', 'ok', 'okay', 'well', 'hey']);
/** Words that ask, before "if"/"whether" ("tell me if the windows are open", "can you check whether …"). */
const ASKING = new Set(['tell', 'check', 'know', 'see', 'wonder', 'ask', 'find']);
/**
 * States that "still" before them asks about, said without "is" ("porch light still on", "blinds still down?"): the
 * person wants to know whether it holds, so the device is never switched to it.
 */
const STATES_ASKED_WITH_STILL = new Set([
  'on',
  'off',
  'open',
  'closed',
  'shut',
  'locked',
  'unlocked',
  'running',
  'going',
  'playing',
  'up',
  'down',
]);

/** Whether the request asks something: it starts as a question or asks one inside ("tell me if …"). */
export function asksQuestion(tokens: readonly string[]): boolean {
  // "Um, is the front door locked": a hesitation before the asking word.
  let first = 0;
  while (HESITATIONS.has(tokens[first] ?? '')) first++;
  // "how about some jazz", "what about the lights": a suggestion, not a question; "wasn't talking to you" says what
  // someone was doing, with "I" left out (a question says who: "wasn't the door locked").
  if (QUESTION_STARTS.has(tokens[first] ?? ''))
    return tokens[first + 1] !== 'about' && !(tokens[first + 1] === 'not' && tokens[first + 2]?.endsWith('ing'));
  const still = tokens.indexOf('still');
  if (still > 0 && STATES_ASKED_WITH_STILL.has(tokens[still + 1] ?? '')) return true;
  const at = tokens.findIndex((t) => t === 'if' || t === 'whether');
  return at > 0 && tokens.slice(0, at).some((t) => ASKING.has(t));
}

/** Words that ask for something to be done when a request starts with them ("can you lock up?", "please?"). */
const ASKING_FOR = new Set(['can', 'could', 'would', 'will', 'shall', 'may', 'might', 'please', 'mind', 'let']);
/** Parts a verbless question may start with: the thing asked about ("back door locked?", "all the blinds down?"). */
const THING_PARTS = new Set<Part['kind']>(['name', 'area', 'floor', 'all']);

/**
 * A clause the question mark ends that says a thing and a state without a verb ("kettle on?", "back door locked?",
 * "any lights on upstairs?") asks whether it holds. One that starts by asking for something ("can you …?") or with
 * a command's verb (`commandStarts`: "turn the tv off?") still asks for it.
 */
export function asksByMark(clause: TaggedRequest, commandStarts: ReadonlySet<string>): boolean {
  const first = clause.tokens[0];
  if (first === undefined || ASKING_FOR.has(first)) return false;
  if (!commandStarts.has(first)) return true;
  // A name or a place that starts like a verb ("back door locked?"); a class word may be the verb ("switch … off?").
  const part = clause.parts[clause.partAt[0]!];
  return part !== undefined && THING_PARTS.has(part.kind);
}

/** The first words of the action phrases of intents that do something ("turn", "lock", "play"), said outright. */
export function commandStarts(infos: ReadonlyMap<string, IntentInfo>): ReadonlySet<string> {
  return wordsOfCues(infos, 'command starts', (cue, info) =>
    !info.cues?.answers && cue.weight >= 1 ? cue.tokens.slice(0, 1) : [],
  );
}
