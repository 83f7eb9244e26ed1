/** What the recogniser may hear: a JSGF grammar (pocketsphinx) and/or a phrase list (vosk). */
export interface Grammar {
  jsgf?: string;
  /** Whole phrases; vosk also accepts single words, which then combine freely. */
  phrases?: string[];
  /** Words outside the recogniser's dictionary with their phones (ARPAbet), added before the grammar loads. */
  pronunciations?: Record<string, string>;
  /** This grammar's rejection (probability per phone of the out-of-grammar loop), instead of the recogniser's. */
  rejectionWeight?: number;
  /**
   * An n-gram model (ARPA text) to decode commands with instead of `jsgf` (voice.pocketsphinx.commandModel 'ngram'),
   * with every word it can produce.
   */
  languageModel?: { arpa: string; words: readonly string[] };
}

export interface RecognitionResult {
  /** Lower-case words, single-spaced; empty when nothing in the grammar matched. */
  text: string;
  /** 0..1 when the engine reports one. */
  confidence?: number;
  /** The audio fitted no sentence of the grammar better than free speech does (the engine's rejection). `text` is empty. */
  rejected?: boolean;
  /** The engine's path score per 10 ms frame (pocketsphinx: log base 1.0001, scaled), for calibrating confidence. */
  scorePerFrame?: number;
  /**
   * Set when the utterance was to open with the wake phrase (`spotWake`) and the engine spotted it apart from the
   * command grammar: whether it did. `text` then starts with the phrase; empty when it was not spotted.
   */
  woken?: boolean;
  /** The spotted wake phrase against free phones on the audio up to it (for calibrating `wake.minPhraseFit`). */
  phraseFit?: Fit;
  /** A question was open, and a command fitted the audio better than any of its answers. */
  fellBack?: boolean;
  /** A question was open: how much better its best answer fitted than the best command (score units; for calibration). */
  answerLead?: number;
  /**
   * How much better the heard words fit the audio than free phones do: acoustic score per 10 ms frame, so it does not
   * depend on the grammar's size (about 0 for words said as heard, far below 0 for talk landing on a command). Costs
   * a second pass over the utterance: measured on request unless the engine already measured it (`fit`).
   */
  margin?: () => Promise<Fit>;
  /** `margin`, when the engine measured it for every utterance (its rejection floor is on). */
  fit?: Fit;
  /**
   * How much better the heard words fit the audio than the best of `rivals` (other readings of it, e.g. "off" for
   * "on"). A second pass, on request; undefined when it cannot be measured (a word the engine does not know).
   */
  lead?: (rivals: readonly string[]) => Promise<Lead | undefined>;
  /**
   * The same audio decoded again with only `intent`'s sentences, searched wider (a second pass, on request, once the
   * words were understood as that intent); undefined when nothing of the intent was heard or it cannot be decoded.
   */
  focus?: (intent: string) => Promise<Refocused | undefined>;
  /** Time spent inside the engine for this utterance. */
  ms: number;
}

/** How well heard words fit the audio, compared with free phones (pocketsphinx-fit.ts). */
export interface Fit {
  /** The words' acoustic score minus the free phones' over the same frames, per 10 ms frame (higher: better). */
  fit: number;
  /** The share of the speech (what the free phones did not take as silence) that the words cover, 0..1. */
  coverage: number;
  /** Speech frames (10 ms) the words leave uncovered: talk landing on a short command leaves seconds, a command its edges. */
  uncovered?: number;
  /**
   * The lowest `fit` of any heard word on its own frames: talk landing on a command often fits most of it passably
   * and one word very badly, where a command said has no word far off.
   */
  worstWord?: number;
  /** `fit` of each heard word on its own frames (for calibration). */
  words?: { word: string; fit: number; frames: number }[];
}

/** A focused pass's words, with `margin` and `lead` measured on them. */
export type Refocused = Pick<RecognitionResult, 'text' | 'margin' | 'lead'>;

export interface Lead {
  /** Per 10 ms frame on acoustic score alone; positive: the heard words fit better than `rival`. */
  lead: number;
  /** The rival reading that fitted best. */
  rival: string;
}

/** One utterance: audio is fed while the person speaks, so `end()` has little left to do. */
export interface RecognitionSession {
  feed(pcm: Buffer): void;
  /**
   * The words heard so far (the best path through the audio fed until now), for deciding the utterance is over before
   * its trailing silence is; undefined when the engine cannot tell yet (still measuring a new source's channel,
   * listening for the wake phrase) or never can.
   */
  partial?(): string | undefined;
  end(): Promise<RecognitionResult>;
  /** Drops the utterance (wake phrase not heard, push-to-talk released early). */
  cancel(): void;
}

export interface UtteranceOptions {
  /** The audio source (`mic:default`, `satellite:<id>`, `api`): engines that adapt to the channel keep state per source. */
  source?: string;
  /**
   * Audio around the speech that the endpointer adds (pre-roll + trailing silence): not counted as the
   * source's speech when an engine judges how much of a channel it has heard.
   */
  nonSpeechMs?: number;
  /**
   * A recording that is its own channel (an upload): decoded from its own cepstral mean and nothing is learnt
   * from it, so the same audio always gives the same result.
   */
  standalone?: boolean;
  /**
   * Decode with this answer grammar (`setAnswerGrammar`) instead of the command grammar: a question is open. Audio
   * that fits none of its answers is decoded with the command grammar (`fellBack`).
   */
  grammar?: string;
  /**
   * The utterance counts only if it opens with the wake phrase (`setWakePhrase`): an engine that spots it apart from
   * the command grammar does so first, and decodes only what follows it as the command (RecognitionResult.woken).
   */
  spotWake?: boolean;
}

export type RecognizerName = 'pocketsphinx' | 'vosk' | 'text';

export interface Recognizer {
  /** `wyoming`: an external Wyoming speech-to-text service (hub/wyoming), with a local engine behind it. */
  readonly name: RecognizerName | 'wyoming';
  /** Loads libraries and models; throws HubError RECOGNIZER_UNAVAILABLE saying what is missing and how to fix it. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Replaces the grammar; an utterance in progress finishes on the old one. */
  setGrammar(grammar: Grammar): Promise<void>;
  /**
   * Loads (or replaces) a small grammar for answers to a question (yes/no, a PIN, which one), used only by
   * utterances started with `{grammar: name}`. Engines without it decode answers with the command grammar.
   */
  setAnswerGrammar?(name: string, grammar: Grammar): Promise<void>;
  /** Loads a spotter for the wake phrase, for utterances started with `spotWake`; without it the grammar hears it. */
  setWakePhrase?(phrase: string): Promise<void>;
  startUtterance(options?: UtteranceOptions): RecognitionSession;
}

/** Normalises engine output: lower case, no filler markers, single spaces. */
export function cleanTranscript(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>|\[[^\]]*\]|\([0-9]+\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words a JSGF grammar can produce (rule names, tags, weights and operators removed). */
export function jsgfWords(jsgf: string): string[] {
  const body = jsgf
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/.*$/gm, ' ')
    .split('\n')
    .filter((line) => !/^\s*(#JSGF|grammar|import)\b/.test(line))
    .join('\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\/[0-9.]+\//g, ' ')
    .replace(/\bpublic\b/g, ' ');
  const words = body.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  return [...new Set(words)];
}
