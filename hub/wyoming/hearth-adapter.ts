/** Fills HearthVoicePort from the running hub: voice service, language service, skills runtime, espeak-ng. */
import { spawn } from 'node:child_process';
import type { Logger } from '../core/logger.js';
import type { Intent, UtteranceContext } from '../sdk/intents.js';
import type { AudioSource } from '../voice/audio/pcm.js';
import { parseWav } from '../voice/audio/wav.js';
import type { VoiceConfig } from '../voice/config.js';
import type { Transcription } from '../voice/pipeline.js';
import { EspeakTts } from '../voice/tts.js';
import type { HearthVoicePort } from './hearth-port.js';
import { WyomingRequestError } from './server-session.js';

export interface HearthAdapterDeps {
  name: string;
  version: string;
  handle: boolean;
  voiceConfig: VoiceConfig;
  log: Logger;
  voice: { readonly recognizerName: string; transcribe(source: AudioSource): Promise<Transcription | undefined> };
  language: { understand(text: string, ctx: UtteranceContext): { intent?: Intent; suggestion?: string } };
  skills: {
    handleUtterance(
      text: string,
      ctx: UtteranceContext,
    ): Promise<{ intent: Intent | null; reply: string; error?: unknown }>;
  };
}

/** Runs `command --version` once: whether espeak-ng is there to speak with. */
export function commandRuns(command: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, ['--version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

export function hearthVoicePort(deps: HearthAdapterDeps): HearthVoicePort {
  const { voiceConfig } = deps;
  const log = deps.log.child({ module: 'wyoming-server' });
  let espeakInstalled: Promise<boolean> | undefined;
  const speakers = new Map<string, EspeakTts>();
  const speaker = (voice: string) => {
    let tts = speakers.get(voice);
    if (!tts) speakers.set(voice, (tts = new EspeakTts({ ...voiceConfig.tts, voice, log })));
    return tts;
  };
  const voices = async (): Promise<string[]> => {
    if (!voiceConfig.tts.enabled) return [];
    espeakInstalled ??= commandRuns(voiceConfig.tts.command);
    return (await espeakInstalled) ? [voiceConfig.tts.voice] : [];
  };

  return {
    async capabilities() {
      const recognizer = deps.voice.recognizerName;
      return {
        name: deps.name,
        version: deps.version,
        recognizer: recognizer === 'text' || recognizer === 'none' ? undefined : recognizer,
        languages: ['en'],
        ttsVoices: await voices(),
        handle: deps.handle,
      };
    },
    async transcribe(source) {
      const recognizer = deps.voice.recognizerName;
      if (recognizer === 'text' || recognizer === 'none') {
        for await (const _ of source.chunks()) break; // let go of the stream
        throw new WyomingRequestError(
          'asr-unavailable',
          'this hub has no speech recogniser (see `hearth status`); it cannot transcribe',
        );
      }
      return (await deps.voice.transcribe(source))?.text ?? '';
    },
    recognize(text, context) {
      const understood = deps.language.understand(text, context);
      return {
        ...(understood.intent ? { intent: understood.intent } : {}),
        ...(understood.suggestion ? { suggestion: understood.suggestion } : {}),
      };
    },
    async handle(text, context) {
      const result = await deps.skills.handleUtterance(text, context);
      return { handled: result.intent !== null && result.error === undefined, reply: result.reply };
    },
    async synthesize(text, voice) {
      const offered = await voices();
      if (offered.length === 0) return undefined;
      // Only the voices `info` lists are used; any other name gets the configured voice.
      const spoken = await speaker(
        voice !== undefined && offered.includes(voice) ? voice : voiceConfig.tts.voice,
      ).synthesize(text);
      return spoken.wav ? parseWav(spoken.wav).data : undefined;
    },
  };
}
