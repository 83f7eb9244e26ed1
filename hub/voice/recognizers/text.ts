import type { Grammar, RecognitionSession, Recognizer } from './types.js';

/**
 * No speech engine: used for typed commands and tests. Audio fed to it is ignored
 * and the transcript is whatever `transcribe` says (by default nothing).
 */
export class TextRecognizer implements Recognizer {
  readonly name = 'text' as const;

  constructor(private readonly transcribe: (pcm: Buffer) => string = () => '') {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async setGrammar(_grammar: Grammar): Promise<void> {}

  startUtterance(): RecognitionSession {
    const parts: Buffer[] = [];
    return {
      feed: (pcm) => void parts.push(pcm),
      end: async () => ({ text: this.transcribe(Buffer.concat(parts)), ms: 0 }),
      cancel: () => void (parts.length = 0),
    };
  }
}
