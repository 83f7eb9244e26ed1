/**
 * What the Wyoming server asks of the rest of Hearth, by shape only; hub/wiring/wyoming.ts
 * fills it from the voice service, the language service, the skills runtime and espeak-ng.
 */
import type { Intent, UtteranceContext } from '../sdk/intents.js';
import type { AudioSource } from '../voice/audio/pcm.js';
import type { HearthCapabilities } from './info.js';

export interface Recognized {
  intent?: Intent;
  /** The closest sentence Hearth knows, when nothing matched. */
  suggestion?: string;
}

export interface Handled {
  /** An intent was understood and its skill ran without an error. */
  handled: boolean;
  reply: string;
}

export interface HearthVoicePort {
  /** Read at every `describe`, so `info` says what is there now (a recogniser still loading is not offered). */
  capabilities(): Promise<HearthCapabilities>;
  /** The first utterance of the audio as text ('' when no speech was heard); VAD and recogniser as for POST /voice. */
  transcribe(source: AudioSource): Promise<string>;
  /** Text → intent with Home Assistant's names; nothing is done. */
  recognize(text: string, context: UtteranceContext): Recognized;
  /** Text → Hearth's skills act on it (confirmations and dialogs as for typed commands). */
  handle(text: string, context: UtteranceContext): Promise<Handled>;
  /** Text → 16 kHz mono s16le PCM, or undefined when it cannot be spoken. */
  synthesize(text: string, voice: string | undefined): Promise<Buffer | undefined>;
}
