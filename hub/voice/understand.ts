/** Connects the voice pipeline to the language module and the skills runtime (by shape, not by import). */
import type { Intent, UtteranceContext } from '../sdk/intents.js';
import type { Understand, Understanding } from './pipeline.js';
import { withSpokenNames } from './spoken-names.js';

/** The part of the skills runtime voice needs (`SkillRuntime.handleUtterance`). */
export interface UtteranceHandler {
  handleUtterance(text: string, context: UtteranceContext): Promise<{ intent: Intent | null; reply: string; actions: readonly unknown[] }>;
}

/** The part of the language service used to time understanding on its own (`LanguageService.understand`). */
export interface IntentReader {
  understand(text: string, context: UtteranceContext): unknown;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * `understand` for the pipeline: the skills runtime does language + skill in one call, so the
 * language step is timed separately first (it is pure and takes well under a millisecond) and
 * `skillMs` is the runtime call minus that. A reply ending in "?" is a question: the answer
 * needs no wake phrase (the runtime keeps the dialog).
 */
export function understandWithSkills(skills: UtteranceHandler, language?: IntentReader, deviceNames?: () => readonly string[]): Understand {
  return async (heard, context): Promise<Understanding> => {
    const { followUp: _followUp, ...utterance } = context;
    const text = deviceNames ? withSpokenNames(heard, deviceNames()) : heard;
    let nluMs = 0;
    if (language) {
      const t0 = performance.now();
      language.understand(text, utterance);
      nluMs = performance.now() - t0;
    }
    const t1 = performance.now();
    const result = await skills.handleUtterance(text, utterance);
    const total = performance.now() - t1;
    return {
      ...(result.intent ? { intent: result.intent } : {}),
      reply: result.reply,
      actions: [...result.actions],
      expectsReply: result.reply.trim().endsWith('?'),
      timings: { nluMs: round(nluMs), skillMs: round(Math.max(0, total - nluMs)) },
    };
  };
}
