import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import koffi from 'koffi';
import { z } from 'zod';
import { HubError } from '../../sdk/errors.js';
import type { Logger } from '../../core/logger.js';
import { SAMPLE_RATE } from '../audio/pcm.js';
import { DecoderLock, lockedSession } from './decoder-lock.js';
import { cleanTranscript, jsgfWords, type Grammar, type RecognitionSession, type Recognizer } from './types.js';

export interface VoskOptions {
  library: string;
  modelPath?: string;
  log: Logger;
}

export const VOSK_LIBRARY_HINT =
  'run "node scripts/fetch-libvosk.mjs" (x86_64) or, on arm64, take libvosk.so from the vosk-linux-aarch64 release zip, then set voice.vosk.library';
export const VOSK_MODEL_HINT =
  'download a model from https://alphacephei.com/vosk/models (e.g. vosk-model-small-en-us-0.15), unzip it and set voice.vosk.modelPath to the folder';

const voskResultSchema = z.object({
  text: z.string().default(''),
  result: z.array(z.object({ conf: z.number() })).optional(),
});

/** Loads libvosk and declares the C API (vosk_api.h) used here. */
export function bindVosk(library: string) {
  const path = resolve(library);
  if (!existsSync(path))
    throw new HubError('RECOGNIZER_UNAVAILABLE', `libvosk not found at ${path}; ${VOSK_LIBRARY_HINT}`);
  let lib: koffi.IKoffiLib;
  try {
    lib = koffi.load(path);
  } catch (err) {
    throw new HubError(
      'RECOGNIZER_UNAVAILABLE',
      `libvosk at ${path} cannot be loaded (${(err as Error).message}); ${VOSK_LIBRARY_HINT}`,
    );
  }
  return {
    setLogLevel: lib.func('void vosk_set_log_level(int)'),
    modelNew: lib.func('void *vosk_model_new(const char *)'),
    modelFree: lib.func('void vosk_model_free(void *)'),
    findWord: lib.func('int vosk_model_find_word(void *, const char *)'),
    recognizerNewGrm: lib.func('void *vosk_recognizer_new_grm(void *, float, const char *)'),
    recognizerFree: lib.func('void vosk_recognizer_free(void *)'),
    setWords: lib.func('void vosk_recognizer_set_words(void *, int)'),
    acceptWaveform: lib.func('int vosk_recognizer_accept_waveform(void *, const uint8_t *, int)'),
    result: lib.func('const char *vosk_recognizer_result(void *)'),
    finalResult: lib.func('const char *vosk_recognizer_final_result(void *)'),
    reset: lib.func('void vosk_recognizer_reset(void *)'),
  };
}

function parseResult(json: string | null): { text: string; confidences: number[] } {
  const parsed = voskResultSchema.safeParse(JSON.parse(json ?? '{}'));
  if (!parsed.success) return { text: '', confidences: [] };
  return { text: parsed.data.text, confidences: parsed.data.result?.map((w) => w.conf) ?? [] };
}

/** Vosk (Kaldi) through koffi; the grammar becomes a phrase list for vosk_recognizer_new_grm. */
export class VoskRecognizer implements Recognizer {
  readonly name = 'vosk' as const;
  private api: ReturnType<typeof bindVosk> | undefined;
  private model: unknown;
  private recognizer: unknown;
  private readonly lock = new DecoderLock();

  constructor(private readonly options: VoskOptions) {}

  async start(): Promise<void> {
    const api = bindVosk(this.options.library);
    if (!this.options.modelPath)
      throw new HubError('RECOGNIZER_UNAVAILABLE', `no Vosk model configured; ${VOSK_MODEL_HINT}`);
    const modelPath = resolve(this.options.modelPath);
    if (!existsSync(modelPath))
      throw new HubError('RECOGNIZER_UNAVAILABLE', `Vosk model folder ${modelPath} does not exist; ${VOSK_MODEL_HINT}`);
    // Vosk's own check (am/final.mdl, or final.mdl in older models), made here: libvosk would print an ERROR line on
    // stderr for a folder without a model whatever its log level, and the error below says it better.
    if (!existsSync(join(modelPath, 'am', 'final.mdl')) && !existsSync(join(modelPath, 'final.mdl')))
      throw new HubError(
        'RECOGNIZER_UNAVAILABLE',
        `${modelPath} is not a Vosk model (it has no am/final.mdl); ${VOSK_MODEL_HINT}`,
      );
    api.setLogLevel(-1);
    const model = api.modelNew(modelPath);
    if (!model)
      throw new HubError(
        'RECOGNIZER_UNAVAILABLE',
        `Vosk could not load the model in ${modelPath} (not a Vosk model, or damaged); ${VOSK_MODEL_HINT}`,
      );
    this.api = api;
    this.model = model;
    this.options.log.info({ modelPath }, 'vosk model loaded');
  }

  async stop(): Promise<void> {
    await this.lock.acquire();
    if (this.api) {
      if (this.recognizer) this.api.recognizerFree(this.recognizer);
      if (this.model) this.api.modelFree(this.model);
    }
    this.api = this.model = this.recognizer = undefined;
    this.lock.release();
  }

  async setGrammar(grammar: Grammar): Promise<void> {
    const { api, model } = this.loaded();
    const phrases = grammar.phrases ?? (grammar.jsgf ? jsgfWords(grammar.jsgf) : []);
    if (phrases.length === 0)
      throw new HubError(
        'VALIDATION_FAILED',
        'the Vosk grammar is empty; export phrases or a JSGF grammar from hub/language',
      );
    const unknown = [...new Set(phrases.flatMap((p) => p.split(/\s+/)))].filter((w) => w && api.findWord(model, w) < 0);
    if (unknown.length > 0)
      this.options.log.warn({ unknown }, 'words missing from the Vosk model vocabulary are ignored');
    await this.lock.acquire();
    try {
      const next = api.recognizerNewGrm(model, SAMPLE_RATE, JSON.stringify([...phrases, '[unk]']));
      if (!next) throw new HubError('VALIDATION_FAILED', 'Vosk rejected the phrase list; check the exported grammar');
      api.setWords(next, 1);
      if (this.recognizer) api.recognizerFree(this.recognizer);
      this.recognizer = next;
    } finally {
      this.lock.release();
    }
  }

  startUtterance(): RecognitionSession {
    const { api } = this.loaded();
    if (!this.recognizer)
      throw new HubError('RECOGNIZER_UNAVAILABLE', 'vosk has no grammar yet; call setGrammar first');
    const texts: string[] = [];
    const confidences: number[] = [];
    const take = (json: string | null) => {
      const r = parseResult(json);
      if (r.text) texts.push(r.text);
      confidences.push(...r.confidences);
    };
    return lockedSession(this.lock, {
      begin: () => api.reset(this.recognizer),
      // accept_waveform returns 1 when Vosk found its own endpoint mid-stream; collect that segment.
      feed: (pcm) => {
        if (api.acceptWaveform(this.recognizer, pcm, pcm.length) === 1)
          take(api.result(this.recognizer) as string | null);
      },
      finish: () => {
        take(api.finalResult(this.recognizer) as string | null);
        const text = cleanTranscript(texts.join(' '));
        if (confidences.length === 0) return { text };
        return { text, confidence: confidences.reduce((a, b) => a + b, 0) / confidences.length };
      },
      abort: () => api.reset(this.recognizer),
    });
  }

  private loaded(): { api: ReturnType<typeof bindVosk>; model: unknown } {
    if (!this.api || !this.model)
      throw new HubError('RECOGNIZER_UNAVAILABLE', 'vosk is not started; call start() first');
    return { api: this.api, model: this.model };
  }
}
