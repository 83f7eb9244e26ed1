/** Connects the voice pipeline to the language module and the skills runtime (by shape, not by import). */
import type { ExpectedAnswer } from '../sdk/answers.js';
import { parseYesNo } from '../sdk/answers.js';
import type { Intent, UtteranceContext } from '../sdk/intents.js';
import { flipsWhateverItIs, opposites } from './opposite.js';
import type { HandledUtterance, HeardContext, Understand } from './pipeline.js';
import { isSensitive, type SensitiveLookup } from './sensitive-heard.js';
import { withSpokenNames } from './spoken-names.js';

type Handled = { intent: Intent | null; reply: string; actions: readonly unknown[]; expects?: ExpectedAnswer };

/** The part of the skills runtime that handles a transcript (`SkillRuntime.handleUtterance`). */
export interface UtteranceHandler {
  handleUtterance(text: string, context: UtteranceContext): Promise<Handled>;
}

/** What voice needs of the understanding to judge a command before it acts: its intent and the devices it targets. */
export interface Understood {
  intent?: Intent;
  targets?: readonly string[];
}

/**
 * The skills runtime as voice uses it: understand first (timed, and judged for locks and purchases), then act on
 * that same understanding (`SkillRuntime.understand` / `handleUnderstood`), so each utterance is understood once.
 */
export interface UnderstandingHandler<U extends Understood = Understood> extends UtteranceHandler {
  understand(text: string, context: UtteranceContext): Promise<U>;
  handleUnderstood(text: string, understood: U, context: UtteranceContext): Promise<Handled>;
}

export interface SureEnough {
  lookup: SensitiveLookup;
  /** A sensitive command heard with a fit below this is asked back (voice.pocketsphinx.sensitiveMargin). */
  minMargin?: number | undefined;
  /**
   * Any command heard with a fit or a coverage below these is asked back (voice.pocketsphinx.askBelowFit,
   * askBelowCoverage): between talk (rejected) and clear commands lies speech the hub is not sure of.
   */
  askBelow?: { fit: number; coverage: number } | undefined;
  /**
   * A command whose deciding word has an opposite (on/off, lock/unlock, open/close) is asked back when the heard
   * words fit the audio by less than this over the opposite reading (voice.pocketsphinx.oppositeMargin).
   */
  minLead?: number | undefined;
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
 * `understand` for the pipeline: the transcript is understood once (timed as `nluMs`), then the skill acts on that
 * understanding (`skillMs`). A reply ending in "?" is a question: the answer
 * needs no wake phrase (the runtime keeps the dialog). With `sure`, a lock, door, gate, car or purchase command
 * the recogniser is not sure of is asked back first (`Did you say "…"?`) and acted on only after a yes.
 */
export function understandWithSkills<U extends Understood>(
  skills: UnderstandingHandler<U>,
  deviceNames?: () => readonly string[],
  sure?: SureEnough,
): Understand {
  const askedBack = new Map<string, AskedBack>();
  return async (heard, context): Promise<HandledUtterance> => {
    const { followUp: _followUp, margin: _margin, lead: _lead, focus: _focus, ...utterance } = context;
    const spoken = (words: string) => (deviceNames ? withSpokenNames(words, deviceNames()) : words);
    const text = spoken(heard);
    const key = utterance.user ? `user:${utterance.user}` : `area:${utterance.area ?? '*'}`;
    const pending = askedBack.get(key);
    askedBack.delete(key);
    if (pending && sure && pending.until > sure.now()) {
      const answer = parseYesNo(text);
      if (answer === 'no') return { reply: "Okay, I won't.", actions: [], timings: { nluMs: 0, skillMs: 0 } };
      if (answer === 'yes') return run(pending.text, await skills.understand(pending.text, utterance), utterance, 0);
    }
    const t0 = performance.now();
    const first = { heard, text, understood: await skills.understand(text, utterance), context };
    const nluMs = performance.now() - t0;
    const t1 = performance.now();
    const focused = await refocus(first, (words) => skills.understand(spoken(words), utterance), spoken);
    const { understood } = focused ?? first;
    const unsure = sure && !context.dryRun && understood.intent ? await askInstead(focused ?? first, sure) : undefined;
    const checkMs = round(performance.now() - t1);
    if (unsure !== undefined) {
      askedBack.set(key, { text: unsure, until: sure!.now() + sure!.answerMs });
      return {
        reply: `Did you say "${unsure}"?`,
        actions: [],
        expectsReply: true,
        expects: { yesNo: true },
        timings: { nluMs: round(nluMs), checkMs, skillMs: 0 },
      };
    }
    const acted = await run((focused ?? first).text, understood, utterance, nluMs);
    const timed = { ...acted, timings: { ...acted.timings!, checkMs } };
    return focused ? { ...timed, transcript: focused.heard } : timed;
  };

  async function run(
    text: string,
    understood: U,
    utterance: UtteranceContext,
    nluMs: number,
  ): Promise<HandledUtterance> {
    const t1 = performance.now();
    const result = await skills.handleUnderstood(text, understood, utterance);
    const skillMs = performance.now() - t1;
    return {
      ...(result.intent ? { intent: result.intent } : {}),
      reply: result.reply,
      actions: [...result.actions],
      expectsReply: result.expects !== undefined || result.reply.trim().endsWith('?'),
      ...(result.expects ? { expects: result.expects } : {}),
      ...(sure && isSensitive(understood, sure.lookup) ? { guardsTheHouse: true } : {}),
      timings: { nluMs: round(nluMs), skillMs: round(skillMs) },
    };
  }
}

/** One reading of an utterance: the words heard, as understood, with what the recogniser measured on them. */
interface Reading<U extends Understood> {
  heard: string;
  /** `heard` with device names spelled as the devices spell them. */
  text: string;
  understood: U;
  context: HeardContext;
}

/**
 * The focused pass's reading (RecognitionResult.focus) when it heard the same intent in other words: the first pass
 * searched the whole grammar narrowly, the focused one only this intent's sentences and wider.
 */
async function refocus<U extends Understood>(
  first: Reading<U>,
  understand: (words: string) => Promise<U>,
  spoken: (words: string) => string,
): Promise<Reading<U> | undefined> {
  const intent = first.understood.intent?.name;
  if (!intent || !first.context.focus) return undefined;
  const again = await first.context.focus(intent);
  if (!again || again.text === '' || again.text === first.heard) return undefined;
  const understood = await understand(again.text);
  // The same frame in other words ("that" for "the": the wider search's alternative pronunciations) changes nothing
  // but the transcript: the first reading stays.
  if (understood.intent?.name !== intent || sameSlots(understood.intent, first.understood.intent)) return undefined;
  const { margin: _margin, lead: _lead, ...rest } = first.context;
  const context: HeardContext = {
    ...rest,
    ...(again.margin ? { margin: again.margin } : {}),
    ...(again.lead ? { lead: again.lead } : {}),
  };
  return { heard: again.text, text: spoken(again.text), understood, context };
}

function sameSlots(a: Intent | undefined, b: Intent | undefined): boolean {
  const canonical = (i: Intent | undefined) =>
    JSON.stringify(Object.entries(i?.slots ?? {}).sort(([x], [y]) => (x < y ? -1 : 1)));
  return canonical(a) === canonical(b);
}

/**
 * The reading to ask about instead of acting, if any: a command heard with too poor a fit, or a sensitive one with
 * too small a margin (the heard text), or a command whose opposite reading (on for off…) fits the audio nearly as
 * well or better, or any "toggle" (the reading that fits better, so "yes" does what was said).
 */
async function askInstead(
  { heard, text, understood, context }: Reading<Understood>,
  sure: SureEnough,
): Promise<string | undefined> {
  // An answer to an open question (no wake phrase needed) was already weighed against the commands.
  const askBelow = context.followUp ? undefined : sure.askBelow;
  if (context.margin && (askBelow || (sure.minMargin !== undefined && isSensitive(understood, sure.lookup)))) {
    const { fit, coverage } = await context.margin();
    if (askBelow && (fit < askBelow.fit || coverage < askBelow.coverage)) return text;
    if (sure.minMargin !== undefined && fit < sure.minMargin && isSensitive(understood, sure.lookup)) return text;
  }
  const rivals = sure.minLead !== undefined && context.lead ? opposites(heard) : [];
  if (rivals.length === 0) return undefined;
  const measured = await context.lead!(rivals);
  // "toggle" flips whatever the state is, so heard in place of "turn off" it turns the light on: a spoken one is never
  // acted on without a yes, however well it fits (people rarely say it; recognisers often hear it for "turn off").
  if (flipsWhateverItIs(heard)) return measured !== undefined && measured.lead < 0 ? measured.rival : text;
  if (measured === undefined || measured.lead >= sure.minLead!) return undefined;
  // Asked about the reading that fits better, so a "yes" does what was said (names as the heard text spells them).
  return measured.lead < 0 ? measured.rival : text;
}
