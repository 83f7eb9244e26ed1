/** A recogniser and the test speech it hears, started around the tests of a file or describe block. */
import { afterAll, beforeAll } from 'vitest';
import type { SpeechSynth } from './speech.js';

interface GrammarRecognizer {
  start(): Promise<void>;
  stop(): Promise<void>;
  setGrammar(grammar: { jsgf: string }): Promise<unknown>;
}

/** Before the tests: the synthesiser, then `recognizer` on `jsgf`; after them both are stopped. */
export function listenWithGrammar(recognizer: GrammarRecognizer, synth: SpeechSynth, jsgf: string): void {
  beforeAll(async () => {
    await synth.start();
    await recognizer.start();
    await recognizer.setGrammar({ jsgf });
  });
  afterAll(async () => {
    await recognizer.stop();
    await synth.stop();
  });
}
