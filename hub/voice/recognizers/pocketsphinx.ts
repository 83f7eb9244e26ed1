import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import koffi from 'koffi';
import { HubError } from '../../sdk/errors.js';
import { collectGarbage } from '../../core/collect-garbage.js';
import type { Logger } from '../../core/logger.js';
import { loadCmuDictionary } from '../../language/grammar/dictionary.js';
import { DecoderLock, lockedSession } from './decoder-lock.js';
import { ChannelMeans, type ChannelMeanStore } from './channel-means.js';
import { cmnControl, type CmnControl } from './pocketsphinx-cmn.js';
import { pronunciationsFor } from './pocketsphinx-pronunciations.js';
import { cleanTranscript, jsgfWords, type Grammar, type RecognitionSession, type Recognizer, type UtteranceOptions } from './types.js';

export interface PocketsphinxOptions {
  library: string;
  sphinxbaseLibrary: string;
  modelDir: string;
  /** Pronouncing dictionary the grammar's words are looked up in; default `<modelDir>/cmudict-en-us.dict`. */
  dictionary?: string | undefined;
  log: Logger;
  /**
   * A fixed cepstral mean every utterance starts from (13 values for en-us), measured for one
   * microphone with bench/voice-tuning.ts. Setting it turns adaptation off (`cmn` becomes `seed`).
   */
  cmnInit?: readonly number[] | undefined;
  /**
   * `adaptive` (default without cmnInit): each audio source keeps its own running mean, starting
   * from the model's -cmninit (`channel-means.ts`). `seed`: every utterance starts from cmnInit, or
   * the model's mean without it. `carry`: the library's one running mean for all sources.
   */
  cmn?: 'adaptive' | 'seed' | 'carry' | undefined;
  /** Where adaptive means are kept across restarts (none: they live as long as the recogniser). */
  channelStore?: ChannelMeanStore | undefined;
  /** Decoder flags that override the defaults below, e.g. `{"-lw": "8"}`. */
  args?: Readonly<Record<string, string>> | undefined;
}

/**
 * Flags over the library's defaults (bench/voice-grammar-tuning.ts, full grammar from the live
 * templates + the firmware-sim household, 60 espeak-ng commands in 3 voices): wide beams (1e-80)
 * cost a real-time factor of about 2, too slow to keep up with speech; library beams decode at
 * about 0.3. A lower language weight (-lw 4 for 6.5) took intent accuracy from 85 % to 88 %.
 * Without the dictionary's alternative pronunciations (-fsgusealtpron no) 55/60 against 54/60 and
 * far fewer swapped small words: "that(2)" is pronounced "DH AH T", which a quick "the" often
 * matched; the graph is also about 5 MB smaller.
 * Scoring the 8 best Gaussians per frame instead of 4 (-topn 8) took it from 55/60 to 57/60 (exact
 * transcripts 36 → 45) with the areas and vocabularies in the grammar: "what time is it" and "open
 * the living room blinds" (en-gb) were heard as light commands; 10 and 12 were no better.
 * -remove_noise no made it much worse (35/60; the CMN seed is measured with noise removal on).
 * -remove_silence no, -pl_window 5 changed nothing; -ds 2 lost 11 commands.
 * -fillprob 1e-20 left some utterances with no hypothesis at all (no filler to absorb noise);
 * -fsgusefiller no, -dither, -wip, -silprob, wider beams and a trigram model sampled from
 * the grammar (34/60) did not help. Session 6 ("unlock" heard as "lock"): -maxhmmpf -1 / 100000,
 * -pbeam 1e-80, -wbeam 1e-60, -bestpath no, -lw 2 and a VAD pre-roll of 400 ms changed nothing
 * (pre-roll 100 ms lost 2); a preferred pronunciation did it (pocketsphinx-pronunciations.ts).
 */
export const POCKETSPHINX_DEFAULT_ARGS: Readonly<Record<string, string>> = { '-lw': '4', '-fsgusealtpron': 'no', '-topn': '8' };

/** Takes the place of a replaced grammar so the decoder frees it (any word of the dictionary will do). */
const STUB_WORD = 'hello';
const IDLE_TRIM_MS = 2000;
const STUB_JSGF = `#JSGF V1.0;\ngrammar replaced;\npublic <replaced> = ${STUB_WORD};\n`;

export const POCKETSPHINX_INSTALL_HINT = 'install it with "apt install pocketsphinx pocketsphinx-en-us" (Debian/Raspberry Pi OS)';

/** The part of the libpocketsphinx 5prealpha C API used here (pocketsphinx.h, cmd_ln.h). */
function bind(options: PocketsphinxOptions) {
  let base: koffi.IKoffiLib;
  let ps: koffi.IKoffiLib;
  try {
    base = koffi.load(options.sphinxbaseLibrary);
    ps = koffi.load(options.library);
  } catch (err) {
    throw new HubError(
      'RECOGNIZER_UNAVAILABLE',
      `pocketsphinx library not found (${options.library}, ${options.sphinxbaseLibrary}): ${(err as Error).message}; ${POCKETSPHINX_INSTALL_HINT}`,
    );
  }
  return {
    cmdLnInit: base.func('void *cmd_ln_init(void *, void *, int, ...)'),
    cmdLnFree: base.func('int cmd_ln_free_r(void *)'),
    psArgs: ps.func('void *ps_args()'),
    psInit: ps.func('void *ps_init(void *)'),
    psFree: ps.func('int ps_free(void *)'),
    getFeat: ps.func('void *ps_get_feat(void *)'),
    sphinxbase: base,
    setJsgf: ps.func('int ps_set_jsgf_string(void *, const char *, const char *)'),
    setSearch: ps.func('int ps_set_search(void *, const char *)'),
    lookupWord: ps.func('const char *ps_lookup_word(void *, const char *)'),
    addWord: ps.func('int ps_add_word(void *, const char *, const char *, int)'),
    startUtt: ps.func('int ps_start_utt(void *)'),
    processRaw: ps.func('int ps_process_raw(void *, const int16_t *, size_t, int, int)'),
    endUtt: ps.func('int ps_end_utt(void *)'),
    getHyp: ps.func('const char *ps_get_hyp(void *, _Out_ int32_t *)'),
    releaseFreedMemory: glibcTrim(),
  };
}

/** Runs a (non-variadic) library call on one of koffi's worker threads. */
function offThread<T>(fn: koffi.KoffiFunction, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => fn.async(...args, (err: unknown, result: T) => (err ? reject(err) : resolve(result))));
}

/**
 * glibc keeps freed heap pages (a replaced FSG is tens of MB in many small blocks) unless asked
 * to give them back; elsewhere (musl) this does nothing.
 */
function glibcTrim(): () => void {
  try {
    const trim = koffi.load('libc.so.6').func('int malloc_trim(size_t)');
    return () => void trim(0);
  } catch {
    return () => {};
  }
}

/**
 * pocketsphinx through koffi, decoding each chunk as it arrives (ps_process_raw),
 * constrained by a JSGF grammar. Calls are synchronous: a 100 ms chunk costs about 1 ms.
 */
export class PocketsphinxRecognizer implements Recognizer {
  readonly name = 'pocketsphinx' as const;
  private api: ReturnType<typeof bind> | undefined;
  private decoder: unknown;
  private readonly lock = new DecoderLock();
  private grammarVersion = 0;
  private cmn: CmnControl | undefined;
  private cmnSeed: readonly number[] | undefined;
  private channels: ChannelMeans | undefined;
  private dictionaryPath = '';
  private trimTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PocketsphinxOptions) {}

  async start(): Promise<void> {
    const hmm = join(this.options.modelDir, 'en-us');
    const dict = this.options.dictionary ?? join(this.options.modelDir, 'cmudict-en-us.dict');
    for (const path of [join(hmm, 'mdef'), dict]) {
      if (!existsSync(path)) throw new HubError('RECOGNIZER_UNAVAILABLE', `pocketsphinx model file ${path} is missing; ${POCKETSPHINX_INSTALL_HINT} or set voice.pocketsphinx.modelDir`);
    }
    this.dictionaryPath = dict;
    const words = await loadCmuDictionary(dict);
    const api = bind(this.options);
    // The decoder starts with one word and learns the grammar's words in setGrammar: loading the
    // whole dictionary would cost about 20 MB of RSS and 70 ms.
    const seedDir = mkdtempSync(join(tmpdir(), 'hearth-pocketsphinx-'));
    try {
      const seedDict = join(seedDir, 'seed.dict');
      writeFileSync(seedDict, `${STUB_WORD} ${words.pronunciations(STUB_WORD)[0] ?? 'HH AH L OW'}\n`);
      const flags = { '-hmm': hmm, '-dict': seedDict, ...POCKETSPHINX_DEFAULT_ARGS, ...this.options.args, '-logfn': '/dev/null' };
      const varargs = Object.entries(flags).flatMap(([name, value]) => ['str', name, 'str', value]);
      const config = api.cmdLnInit(null, api.psArgs(), 1, ...varargs, 'void *', null);
      if (!config) throw new HubError('RECOGNIZER_UNAVAILABLE', 'pocketsphinx rejected its configuration; reinstall pocketsphinx-en-us');
      this.decoder = await offThread<unknown>(api.psInit, config);
      api.cmdLnFree(config); // the decoder keeps its own reference
    } finally {
      rmSync(seedDir, { recursive: true, force: true });
    }
    if (!this.decoder) throw new HubError('RECOGNIZER_UNAVAILABLE', `pocketsphinx could not load the model in ${this.options.modelDir}; reinstall pocketsphinx-en-us`);
    this.api = api;
    this.cmn = cmnControl(api.sphinxbase, api.getFeat, this.decoder);
    const mode = this.options.cmn ?? (this.options.cmnInit ? 'seed' : 'adaptive');
    if (mode !== 'carry') {
      if (!this.cmn) this.options.log.warn('this sphinxbase build hides its CMN state: all sources share the library running mean');
      else if (this.options.cmnInit && this.options.cmnInit.length !== this.cmn.size) {
        throw new HubError('CONFIG_INVALID', `voice.pocketsphinx.cmnInit needs ${this.cmn.size} values for this model, got ${this.options.cmnInit.length}`);
      } else if (mode === 'adaptive') {
        this.channels = new ChannelMeans({ initial: this.cmn.get(), store: this.options.channelStore, log: this.options.log });
        this.channels.load();
      } else this.cmnSeed = this.options.cmnInit ?? this.cmn.get();
    }
    const cmnMode = this.channels ? 'adaptive per source' : this.cmnSeed ? 'seeded per utterance' : 'library running mean';
    this.options.log.info({ modelDir: this.options.modelDir, cmn: cmnMode }, 'pocketsphinx loaded');
  }

  async stop(): Promise<void> {
    await this.lock.acquire();
    clearTimeout(this.trimTimer);
    this.channels?.flush();
    this.channels = undefined;
    if (this.api && this.decoder) this.api.psFree(this.decoder);
    this.decoder = undefined;
    this.api = undefined;
    this.cmn = undefined;
    this.cmnSeed = undefined;
    this.lock.release();
  }

  async setGrammar(grammar: Grammar): Promise<void> {
    const { api, decoder } = this.loaded();
    if (!grammar.jsgf) throw new HubError('VALIDATION_FAILED', 'pocketsphinx needs a JSGF grammar; export one from hub/language');
    const words = await loadCmuDictionary(this.dictionaryPath);
    // The dictionary and search cannot change during an utterance, so wait for the decoder.
    await this.lock.acquire();
    try {
      const extra = grammar.pronunciations ?? {};
      const missing: string[] = [];
      for (const word of new Set([...jsgfWords(grammar.jsgf), ...Object.keys(extra)])) {
        if (api.lookupWord(decoder, word)) continue;
        const variants = extra[word] !== undefined ? [extra[word]] : pronunciationsFor(word, words.pronunciations(word));
        if (variants.length === 0) missing.push(word);
        variants.forEach((phones, i) => {
          if (api.addWord(decoder, i === 0 ? word : `${word}(${i + 1})`, phones, 0) < 0) {
            throw new HubError('VALIDATION_FAILED', `pocketsphinx rejected the pronunciation "${phones}" for "${word}"; use ARPAbet phones from its model`);
          }
        });
      }
      if (missing.length > 0) {
        throw new HubError(
          'VALIDATION_FAILED',
          `the grammar uses words the pocketsphinx dictionary does not know: ${missing.join(', ')}; spell them as common English words in the templates or names`,
          { missing },
        );
      }
      // Two names taken in turn: setting a search under an existing name frees the old one (the
      // decoder would otherwise keep every grammar ever loaded), and the active one is never replaced.
      const name = `grammar${(this.grammarVersion + 1) % 2}`;
      // Compiling a household's grammar takes 0.1-0.3 s: on a koffi worker thread, so the hub keeps
      // answering meanwhile (the lock keeps every other decoder call out until it is done).
      if ((await offThread<number>(api.setJsgf, decoder, name, grammar.jsgf)) < 0 || api.setSearch(decoder, name) < 0) {
        throw new HubError('VALIDATION_FAILED', 'pocketsphinx rejected the JSGF grammar (syntax error or an empty rule); check the exported grammar');
      }
      // The previous grammar's search (its FSG and HMM network: tens of MB for a household)
      // would stay alive under the other name until the next change: replace it with a stub.
      if (this.grammarVersion > 0) {
        api.setJsgf(decoder, `grammar${this.grammarVersion % 2}`, STUB_JSGF);
        api.releaseFreedMemory();
      }
      this.grammarVersion++;
    } finally {
      this.lock.release();
    }
  }

  startUtterance(options: UtteranceOptions = {}): RecognitionSession {
    const { api, decoder } = this.loaded();
    if (this.grammarVersion === 0) throw new HubError('RECOGNIZER_UNAVAILABLE', 'pocketsphinx has no grammar yet; call setGrammar first');
    let carry: Buffer | undefined;
    const source = options.source ?? 'default';
    const channels = this.channels;
    const cmn = this.cmn;
    /** The audio of a cold source's utterance, decoded again once its own mean is known. */
    let replay: Int16Array[] | undefined;
    return lockedSession(this.lock, {
      begin: () => {
        if (channels && cmn) {
          // Weight 1: the library's mean at ps_end_utt is then this utterance's own mean.
          cmn.set(channels.meanFor(source), 1);
          replay = channels.isCold(source) ? [] : undefined;
        } else if (this.cmnSeed) cmn?.set(this.cmnSeed);
        api.startUtt(decoder);
      },
      feed: (pcm) => {
        const data = carry ? Buffer.concat([carry, pcm]) : pcm;
        const usable = data.length - (data.length % 2);
        carry = usable < data.length ? Buffer.from(data.subarray(usable)) : undefined;
        if (usable === 0) return;
        const aligned = data.byteOffset % 2 === 0 ? data : Buffer.from(data);
        const samples = new Int16Array(aligned.buffer, aligned.byteOffset, usable / 2);
        api.processRaw(decoder, samples, samples.length, 0, 0);
        replay?.push(samples.slice());
      },
      finish: () => {
        api.endUtt(decoder);
        if (channels && cmn) {
          const frames = cmn.frames() - 1;
          // Weighted by speech only: a wake phrase alone ("hey hearth", ~0.65 s) plus the endpointer's 0.7 s of
          // padding used to count as enough of a new channel, so the command after it was not decoded again
          // and was often misheard.
          channels.adapt(source, cmn.get(), frames - Math.round((options.nonSpeechMs ?? 0) / 10));
          if (replay && frames > 0) {
            // A source heard for the first time was decoded from the model's mean, which is far from
            // most channels (24/60 commands in the tuning bench): decode it again from its own.
            cmn.set(channels.meanFor(source), 1);
            api.startUtt(decoder);
            for (const samples of replay) api.processRaw(decoder, samples, samples.length, 0, 0);
            api.endUtt(decoder);
          }
        }
        const hyp = api.getHyp(decoder, [0]) as string | null;
        this.trimWhenIdle();
        return { text: cleanTranscript(hyp ?? '') };
      },
      abort: () => void api.endUtt(decoder),
    });
  }

  /**
   * A decoded utterance leaves search history and lattice blocks that glibc keeps (a few MB after a
   * burst of commands) and audio buffers on the JS heap; once the hub has been quiet for a moment both
   * are collected and the pages go back to the system, and the
   * adapted means are saved then (not on the way from the endpoint to the command).
   */
  private trimWhenIdle(): void {
    clearTimeout(this.trimTimer);
    this.trimTimer = setTimeout(() => {
      collectGarbage();
      this.api?.releaseFreedMemory();
      this.channels?.flush();
    }, IDLE_TRIM_MS).unref();
  }

  /** The decoder's current cepstral mean (for measuring a seed); undefined when not reachable. */
  cepstralMean(): number[] | undefined {
    return this.cmn?.get();
  }

  /** The adapted mean a source's next utterance starts from (undefined unless `cmn` is adaptive). */
  sourceMean(source: string): readonly number[] | undefined {
    return this.channels?.meanFor(source);
  }

  private loaded(): { api: ReturnType<typeof bind>; decoder: unknown } {
    if (!this.api || !this.decoder) throw new HubError('RECOGNIZER_UNAVAILABLE', 'pocketsphinx is not started; call start() first');
    return { api: this.api, decoder: this.decoder };
  }
}
