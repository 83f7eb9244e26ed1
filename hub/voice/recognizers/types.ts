/** What the recogniser may hear: a JSGF grammar (pocketsphinx) and/or a phrase list (vosk). */
export interface Grammar {
  jsgf?: string;
  /** Whole phrases; vosk also accepts single words, which then combine freely. */
  phrases?: string[];
  /** Words outside the recogniser's dictionary with their phones (ARPAbet), added before the grammar loads. */
  pronunciations?: Record<string, string>;
}

export interface RecognitionResult {
  /** Lower-case words, single-spaced; empty when nothing in the grammar matched. */
  text: string;
  /** 0..1 when the engine reports one. */
  confidence?: number;
  /** Time spent inside the engine for this utterance. */
  ms: number;
}

/** One utterance: audio is fed while the person speaks, so `end()` has little left to do. */
export interface RecognitionSession {
  feed(pcm: Buffer): void;
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
