/**
 * A thing said to need doing ("the back door needs locking", "the fireplace wants turning off", "the hall light
 * needs to go on"): read as the doing itself ("the back door lock"), so the intents' action cues find it.
 */
import type { IntentInfo } from '../intent-registry.js';
import { wordsOfCues } from './cues.js';

const NEED_WORDS = new Set(['need', 'needs', 'want', 'wants']);
/** Verbs of moving on or off said after "needs to" ("needs to go off", "can it come on"). */
const PARTICLE_VERBS = new Set(['go', 'come']);

/** Every word of every intent's action phrases. */
function actionWords(infos: ReadonlyMap<string, IntentInfo>): ReadonlySet<string> {
  return wordsOfCues(infos, 'action words', (cue) => cue.tokens);
}

/** The verb a gerund is made from, when it is an action word ("locking" → lock, "shutting" → shut, "closing" → close). */
function verbOf(gerund: string, verbs: ReadonlySet<string>): string | undefined {
  if (!gerund.endsWith('ing') || gerund.length < 6) return undefined;
  const stem = gerund.slice(0, -3);
  const undoubled = stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : stem;
  return [stem, `${stem}e`, undoubled].find((v) => verbs.has(v));
}

export function needsDone(tokens: readonly string[], infos: ReadonlyMap<string, IntentInfo>): readonly string[] {
  let out: string[] | undefined;
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!NEED_WORDS.has(tokens[i]!)) continue;
    const verbs = actionWords(infos);
    const verb = verbOf(tokens[i + 1]!, verbs);
    if (verb) {
      out ??= [...tokens];
      out.splice(out.length - tokens.length + i, 2, verb);
    } else if (tokens[i + 1] === 'to' && PARTICLE_VERBS.has(tokens[i + 2] ?? '') && tokens[i]!.endsWith('s')) {
      out ??= [...tokens];
      out.splice(out.length - tokens.length + i, 2);
    }
  }
  return out ?? tokens;
}
