/** Connects the voice pipeline to the language module and the skills runtime (by shape, not by import). */
import type { ExpectedAnswer } from '../sdk/answers.js';
import { parseYesNo } from '../sdk/answers.js';
import type { Intent, UtteranceContext } from '../sdk/intents.js';
import type { Understand, HandledUtterance } from './pipeline.js';
import { isSensitive, type SensitiveLookup } from './sensitive-heard.js';
import { withSpokenNames } from './spoken-names.js';

/** The part of the skills runtime voice needs (`SkillRuntime.handleUtterance`). */
export interface UtteranceHandler {
  handleUtterance(
    text: string,
    context: UtteranceContext,
  ): Promise<{ intent: Intent | null; reply: string; actions: readonly unknown[]; expects?: ExpectedAnswer }>;
}

/** The part of the language service used to time understanding on its own (`LanguageService.understand`). */
export interface IntentReader {
  understand(text: string, context: UtteranceContext): { intent?: Intent; targets?: string[] } | unknown;
}

export interface SureEnough {
  lookup: SensitiveLookup;
  /** A sensitive command heard with a margin below this is asked back (voice.pocketsphinx.sensitiveMargin). */
  minMargin: number;
  /** How long the "Did you say …?" waits for its answer. */
  answerMs: number;
  now(): number;
}

interface AskedBack {
  text: string;
  until: number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * `understand` for the pipeline: the skills runtime does language + skill in one call, so the
 * language step is timed separately first (it is pure and takes well under a millisecond) and
 * `skillMs` is the runtime call minus that. A reply ending in "?" is a question: the answer
 * needs no wake phrase (the runtime keeps the dialog). With `sure`, a lock, door, gate, car or purchase command
 * the recogniser is not sure of is asked back first (`Did you say "…"?`) and acted on only after a yes.
 */
export function understandWithSkills(
  skills: UtteranceHandler,
  language?: IntentReader,
  deviceNames?: () => readonly string[],
  sure?: SureEnough,
): Understand {
  const askedBack = new Map<string, AskedBack>();
  return async (heard, context): Promise<HandledUtterance> => {
    const { followUp: _followUp, margin, ...utterance } = context;
    const text = deviceNames ? withSpokenNames(heard, deviceNames()) : heard;
    const key = utterance.user ? `user:${utterance.user}` : `area:${utterance.area ?? '*'}`;
    const pending = askedBack.get(key);
    askedBack.delete(key);
    if (pending && sure && pending.until > sure.now()) {
      const answer = parseYesNo(text);
      if (answer === 'no') return { reply: "Okay, I won't.", actions: [], timings: { nluMs: 0, skillMs: 0 } };
      if (answer === 'yes') return run(pending.text, utterance, 0);
    }
    let nluMs = 0;
    let understood: unknown;
    if (language) {
      const t0 = performance.now();
      understood = language.understand(text, utterance);
      nluMs = performance.now() - t0;
    }
    if (
      sure &&
      margin &&
      !context.dryRun &&
      isSensitive(understood as { intent?: Intent; targets?: string[] }, sure.lookup) &&
      (await margin()) < sure.minMargin
    ) {
      askedBack.set(key, { text, until: sure.now() + sure.answerMs });
      return {
        reply: `Did you say "${text}"?`,
        actions: [],
        expectsReply: true,
        expects: { yesNo: true },
        timings: { nluMs: round(nluMs), skillMs: 0 },
      };
    }
    return run(text, utterance, nluMs);
  };

  async function run(text: string, utterance: UtteranceContext, nluMs: number): Promise<HandledUtterance> {
    const t1 = performance.now();
    const result = await skills.handleUtterance(text, utterance);
    const total = performance.now() - t1;
    return {
      ...(result.intent ? { intent: result.intent } : {}),
      reply: result.reply,
      actions: [...result.actions],
      expectsReply: result.expects !== undefined || result.reply.trim().endsWith('?'),
      ...(result.expects ? { expects: result.expects } : {}),
      timings: { nluMs: round(nluMs), skillMs: round(Math.max(0, total - nluMs)) },
    };
  }
}
