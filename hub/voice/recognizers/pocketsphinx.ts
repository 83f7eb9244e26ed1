import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubError } from '../../sdk/errors.js';
import { collectGarbage } from '../../core/collect-garbage.js';
import type { Logger } from '../../core/logger.js';
import { loadCmuDictionary } from '../../language/grammar/dictionary.js';
import { DecoderLock, lockedSession } from './decoder-lock.js';
import { ChannelMeans, type ChannelMeanStore } from './channel-means.js';
import { cmnControl, type CmnControl } from './pocketsphinx-cmn.js';
import { noiseControl, type NoiseControl, type NoiseState } from './pocketsphinx-noise.js';
import { LivePhonePass, type PhonePassDecoder } from './pocketsphinx-phone-pass.js';
import { jsgfFocusedOn } from '../../language/grammar/jsgf.js';
import { compileFocused, DEFAULT_FOCUS_SEARCH, type FocusSearch } from './pocketsphinx-focus.js';
import { pronunciationsFor } from './pocketsphinx-pronunciations.js';
import {
  acousticScore,
  bindPocketsphinx,
  segments,
  offThread,
  POCKETSPHINX_INSTALL_HINT,
  type PocketsphinxApi,
} from './pocketsphinx-library.js';
import {
  heardJunk,
  JUNK_PRONUNCIATIONS,
  phoneLoopJsgf,
  withJunkLoop,
  wordsBeforeJunk,
} from './pocketsphinx-rejection.js';
import { loadNgramSearch } from './pocketsphinx-ngram.js';
import { pocketsphinxUtterance } from './pocketsphinx-utterance.js';
import {
  keyphraseLines,
  loadWakeSearch,
  wakeCheckJsgf,
  withoutPostvocalicR,
  type WakeSpotterOptions,
} from './pocketsphinx-wake.js';
import {
  cleanTranscript,
  jsgfWords,
  type Grammar,
  type RecognitionSession,
  type Recognizer,
  type UtteranceOptions,
} from './types.js';

export { POCKETSPHINX_INSTALL_HINT } from './pocketsphinx-library.js';

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
  /**
   * The noise estimate every decoder pass starts from (pocketsphinx-noise-seed.ts has one measured on espeak-ng), so
   * a recording decodes the same whatever the decoder heard before. Unset (default): sphinxbase carries its estimate
   * from one utterance to the next; the measured seed changed how espeak-ng's "light" at the end of a command was
   * heard ("lights", test/integration/wyoming-satellite), so it is not the default yet.
   */
  noiseSeed?: NoiseState | undefined;
  /** Decoder flags that override the defaults below, e.g. `{"-lw": "8"}`. */
  args?: Readonly<Record<string, string>> | undefined;
  /**
   * A known source's utterance whose own cepstral mean is further than this from the source's is decoded again
   * from its own (someone else, another room); see pocketsphinx-utterance.ts.
   */
  redecodeDistance?: number | undefined;
  /**
   * A new source's grammar pass runs while it is spoken, from the mean of its first this many frames of speech
   * (pocketsphinx-utterance.ts); null or unset: it is searched after the endpoint from the whole utterance's mean.
   */
  earlyMeanFrames?: number | null | undefined;
  /**
   * Probability per phone of the out-of-grammar loop that rejects speech fitting no sentence
   * (pocketsphinx-rejection.ts); 0 or unset: no rejection, the nearest sentence is always heard.
   */
  rejectionWeight?: number | undefined;
  /** Decodes scoring below this path score per 10 ms frame are rejected (fit no sentence); unset: no floor. */
  minScorePerFrame?: number | null | undefined;
  /**
   * Decodes whose words fit the audio worse than free phones by more than this (acoustic, per 10 ms frame) are
   * rejected; unset: no floor. Costs a free-phone pass over every utterance.
   */
  minFit?: number | null | undefined;
  /** With minFit: decodes whose words cover less than this share of the speech are rejected too. */
  minCoverage?: number | undefined;
  /** With minFit: decodes with a word that fits worse than this (Fit.worstWord) are rejected too. */
  minWordFit?: number | null | undefined;
  /** With minFit: decodes leaving more than this much speech uncovered by words (ms) are rejected too. */
  maxUncoveredMs?: number | null | undefined;
  /**
   * While a question is open, its answer is taken when its path score is at least the best command's minus this
   * (pocketsphinx score units); higher favours answers.
   */
  answerBias?: number | undefined;
  /**
   * The focused second pass (pocketsphinx-focus.ts): once understood, an utterance may be decoded again with only its
   * intent's sentences, searched this way (RecognitionResult.focus). null: no focused pass.
   */
  focus?: FocusSearch | null | undefined;
  /**
   * The wake phrase spotter (pocketsphinx-wake.ts) for utterances started with `spotWake`; null: none, the wake
   * phrase is heard as the command grammar's prefix.
   */
  wake?: WakeSpotterOptions | null | undefined;
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
export const POCKETSPHINX_DEFAULT_ARGS: Readonly<Record<string, string>> = {
  '-lw': '4',
  '-fsgusealtpron': 'no',
  '-topn': '8',
};

/** Takes the place of a replaced grammar so the decoder frees it (any word of the dictionary will do). */
const STUB_WORD = 'hello';
const COMMAND_SEARCH = 'hearth-commands';
/** Holds a stub, active while the command grammar is replaced. */
const SPARE_SEARCH = 'hearth-spare';
const IDLE_TRIM_MS = 2000;
/** Measured in bench/voice-channels.ts (see BENCHMARKS.md). */
const DEFAULT_REDECODE_DISTANCE = Infinity;
const STUB_JSGF = `#JSGF V1.0;\ngrammar replaced;\npublic <replaced> = ${STUB_WORD};\n`;
/** Free phones: what an utterance's words are compared with for their margin (RecognitionResult.margin). */
const PHONE_SEARCH = 'hearth-phones';
/** One stub word: a new source's audio passes through it only to measure its own cepstral mean. */
const MEAN_SEARCH = 'hearth-mean';
/** A few readings of one utterance compared on their own (RecognitionResult.lead); replaced each time. */
const RIVAL_SEARCH = 'hearth-rivals';
/** One intent's sentences, searched wider (RecognitionResult.focus); replaced when another intent is asked for. */
const FOCUS_SEARCH = 'hearth-focus';
/** The wake phrase's keyword search (pocketsphinx-wake.ts). */
const WAKE_SEARCH = 'hearth-wake';
/** The wake phrase alone as a grammar, every pronunciation: the spotted phrase is checked with it. */
const WAKE_CHECK_SEARCH = 'hearth-wake-check';
/** Measured in bench/voice-rejection/answers.ts (BENCHMARKS.md, Voice: rejection). */
export const DEFAULT_ANSWER_BIAS = 0;

/** The decoder's noise estimate, when this sphinxbase build shows it. */
function noiseOf(api: PocketsphinxApi, decoder: unknown): NoiseControl | undefined {
  return noiseControl(api.getFe(decoder), Number(api.cmdLnInt(api.getConfig(decoder), '-nfilt')));
}

/**
 * pocketsphinx through koffi, decoding each chunk as it arrives (ps_process_raw),
 * constrained by a JSGF grammar. Calls are synchronous: a 100 ms chunk costs about 1 ms.
 */
export class PocketsphinxRecognizer implements Recognizer {
  readonly name = 'pocketsphinx' as const;
  private api: PocketsphinxApi | undefined;
  private decoder: unknown;
  private readonly lock = new DecoderLock();
  /**
   * The command grammar (and n-gram model, ARPA, when commands are decoded with one) as loaded, loaded again if its
   * replacement is refused; undefined before the first.
   */
  private commandModel: { jsgf: string; arpa?: string } | undefined;
  /** Open questions' grammars by name (their searches are `answer-<name>`). */
  private readonly answerSearches = new Set<string>();
  private phoneSearch = false;
  /** The intent whose sentences FOCUS_SEARCH holds (cut from the current command grammar). */
  private focused: string | undefined;
  /** The wake phrase WAKE_SEARCH spots (setWakePhrase). */
  private wakePhrase: string | undefined;
  /** WAKE_CHECK_SEARCH is loaded. */
  private wakeCheck = false;
  private modelMean: readonly number[] | undefined;
  private cmn: CmnControl | undefined;
  private cmnSeed: readonly number[] | undefined;
  private channels: ChannelMeans | undefined;
  private noise: NoiseControl | undefined;
  private phonePass: PhonePassDecoder | undefined;
  private dictionaryPath = '';
  private trimTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PocketsphinxOptions) {}

  async start(): Promise<void> {
    const hmm = join(this.options.modelDir, 'en-us');
    const dict = this.options.dictionary ?? join(this.options.modelDir, 'cmudict-en-us.dict');
    for (const path of [join(hmm, 'mdef'), dict]) {
      if (!existsSync(path))
        throw new HubError(
          'RECOGNIZER_UNAVAILABLE',
          `pocketsphinx model file ${path} is missing; ${POCKETSPHINX_INSTALL_HINT} or set voice.pocketsphinx.modelDir`,
        );
    }
    this.dictionaryPath = dict;
    const words = await loadCmuDictionary(dict);
    const api = bindPocketsphinx(this.options);
    const flags = {
      '-hmm': hmm,
      ...POCKETSPHINX_DEFAULT_ARGS,
      ...this.options.args,
      '-logfn': '/dev/null',
    };
    this.decoder = await this.createDecoder(api, flags, words.pronunciations(STUB_WORD)[0]);
    this.api = api;
    this.cmn = cmnControl(api.sphinxbase, api.getFeat, this.decoder);
    this.modelMean = this.cmn?.get();
    this.noise = noiseOf(api, this.decoder);
    const seed = this.options.noiseSeed;
    if (seed && (!this.noise || seed.noise.length !== this.noise.filters))
      throw new HubError(
        'CONFIG_INVALID',
        `the noise seed has ${seed.noise.length} filters, this sphinxbase build or model ${this.noise ? `has ${this.noise.filters}` : 'hides its noise estimate'}; measure one with bench/voice-noise-seed.ts`,
      );
    if (!this.noise)
      this.options.log.warn(
        'this sphinxbase build hides its noise estimate: the free-phone pass runs after each utterance',
      );
    else if (this.cmn) this.phonePass = await this.createPhonePass(api, flags, words.pronunciations(STUB_WORD)[0]);
    const mode = this.options.cmn ?? (this.options.cmnInit ? 'seed' : 'adaptive');
    if (mode !== 'carry') {
      if (!this.cmn)
        this.options.log.warn('this sphinxbase build hides its CMN state: all sources share the library running mean');
      else if (this.options.cmnInit && this.options.cmnInit.length !== this.cmn.size) {
        throw new HubError(
          'CONFIG_INVALID',
          `voice.pocketsphinx.cmnInit needs ${this.cmn.size} values for this model, got ${this.options.cmnInit.length}`,
        );
      } else if (mode === 'adaptive') {
        this.channels = new ChannelMeans({
          initial: this.modelMean!,
          store: this.options.channelStore,
          log: this.options.log,
        });
        this.channels.load();
      } else this.cmnSeed = this.options.cmnInit ?? this.cmn.get();
    }
    const cmnMode = this.channels
      ? 'adaptive per source'
      : this.cmnSeed
        ? 'seeded per utterance'
        : 'library running mean';
    this.options.log.info({ modelDir: this.options.modelDir, cmn: cmnMode }, 'pocketsphinx loaded');
  }

  /** A decoder knowing one word (the grammar's words are taken into its dictionary in setGrammar). */
  private async createDecoder(
    api: PocketsphinxApi,
    flags: Record<string, string>,
    stubPronunciation: string | undefined,
  ): Promise<unknown> {
    // The decoder starts with one word and learns the grammar's words in setGrammar: loading the
    // whole dictionary would cost about 20 MB of RSS and 70 ms.
    const seedDir = mkdtempSync(join(tmpdir(), 'hearth-pocketsphinx-'));
    try {
      const seedDict = join(seedDir, 'seed.dict');
      writeFileSync(seedDict, `${STUB_WORD} ${stubPronunciation ?? 'HH AH L OW'}\n`);
      const varargs = Object.entries({ '-dict': seedDict, ...flags }).flatMap(([name, value]) => [
        'str',
        name,
        'str',
        value,
      ]);
      const config = api.cmdLnInit(null, api.psArgs(), 1, ...varargs, 'void *', null);
      if (!config)
        throw new HubError(
          'RECOGNIZER_UNAVAILABLE',
          'pocketsphinx rejected its configuration; reinstall pocketsphinx-en-us',
        );
      const decoder = await offThread<unknown>(api.psInit, config);
      api.cmdLnFree(config); // the decoder keeps its own reference
      if (!decoder)
        throw new HubError(
          'RECOGNIZER_UNAVAILABLE',
          `pocketsphinx could not load the model in ${this.options.modelDir}; reinstall pocketsphinx-en-us`,
        );
      return decoder;
    } finally {
      rmSync(seedDir, { recursive: true, force: true });
    }
  }

  /** The decoder that runs the free-phone pass while the person speaks (pocketsphinx-phone-pass.ts). */
  private async createPhonePass(
    api: PocketsphinxApi,
    flags: Record<string, string>,
    stubPronunciation: string | undefined,
  ): Promise<PhonePassDecoder | undefined> {
    const decoder = await this.createDecoder(api, flags, stubPronunciation);
    const cmn = cmnControl(api.sphinxbase, api.getFeat, decoder);
    const noise = noiseOf(api, decoder);
    const loaded =
      Object.entries(JUNK_PRONUNCIATIONS).every(([word, phones]) => api.addWord(decoder, word, phones, 0) >= 0) &&
      api.setJsgf(decoder, PHONE_SEARCH, phoneLoopJsgf()) >= 0 &&
      api.setSearch(decoder, PHONE_SEARCH) >= 0;
    if (cmn && noise && loaded) return { api, decoder, cmn, noise };
    api.psFree(decoder);
    this.options.log.warn('the free-phone pass runs after each utterance: its own decoder could not be set up');
    return undefined;
  }

  async stop(): Promise<void> {
    await this.lock.acquire();
    clearTimeout(this.trimTimer);
    this.channels?.flush();
    this.channels = undefined;
    if (this.api && this.decoder) this.api.psFree(this.decoder);
    if (this.phonePass) this.phonePass.api.psFree(this.phonePass.decoder);
    this.phonePass = undefined;
    this.decoder = undefined;
    this.api = undefined;
    this.cmn = undefined;
    this.cmnSeed = undefined;
    this.noise = undefined;
    this.commandModel = undefined;
    this.answerSearches.clear();
    this.phoneSearch = false;
    this.focused = undefined;
    this.wakePhrase = undefined;
    this.wakeCheck = false;
    this.lock.release();
  }

  async setGrammar(grammar: Grammar): Promise<void> {
    await this.withDecoder(grammar, async (api, decoder, jsgf) => {
      const previous = this.commandModel;
      // One command grammar alive at a time: a household's FSG and HMM network is ~80 MB, and compiling the new one
      // beside the old raised the hub's peak RSS by that much. The old one is freed first (a search replaced under
      // its own name is freed; the active one never is, so the spare stub is active meanwhile).
      if (previous !== undefined) {
        await this.compile(api, decoder, SPARE_SEARCH, STUB_JSGF, false);
        await this.compile(api, decoder, COMMAND_SEARCH, STUB_JSGF, false);
        // The focused intent's sentences were cut from the old grammar.
        if (this.focused !== undefined) await this.compile(api, decoder, FOCUS_SEARCH, STUB_JSGF, false);
        this.focused = undefined;
        api.setSearch(decoder, SPARE_SEARCH);
        api.releaseFreedMemory();
      }
      // Compiling a household's grammar takes 0.1-0.3 s: on a koffi worker thread, so the hub keeps
      // answering meanwhile (the lock keeps every other decoder call out until it is done).
      const next = { jsgf, ...(grammar.languageModel ? { arpa: grammar.languageModel.arpa } : {}) };
      try {
        await this.loadCommandSearch(api, decoder, next);
      } catch (err) {
        if (previous !== undefined) await this.loadCommandSearch(api, decoder, previous);
        throw err;
      }
      this.commandModel = next;
      if (!this.phoneSearch) {
        await this.compile(api, decoder, PHONE_SEARCH, phoneLoopJsgf(), false);
        await this.compile(api, decoder, MEAN_SEARCH, STUB_JSGF, false);
        api.setSearch(decoder, COMMAND_SEARCH);
        this.phoneSearch = true;
      }
    });
    // Exporting and compiling a household's grammar leaves tens of MB of garbage on both heaps.
    this.trimWhenIdle();
  }

  async setAnswerGrammar(name: string, grammar: Grammar): Promise<void> {
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(name))
      throw new HubError('VALIDATION_FAILED', `answer grammar name "${name}": use lower-case letters, digits and -`);
    // No rejection loop of its own: the command grammar decodes the same audio, and the better fit wins.
    await this.withDecoder(
      { ...grammar, rejectionWeight: grammar.rejectionWeight ?? 0 },
      async (api, decoder, jsgf) => {
        await this.compile(api, decoder, `answer-${name}`, jsgf, true);
        this.answerSearches.add(name);
        if (this.commandModel !== undefined) api.setSearch(decoder, COMMAND_SEARCH);
      },
    );
  }

  /** Loads the wake phrase spotter (unless `wake` is null): utterances started with `spotWake` listen for it first. */
  async setWakePhrase(phrase: string): Promise<void> {
    const spotter = this.options.wake;
    const words = cleanTranscript(phrase).split(' ').filter(Boolean);
    if (!spotter || words.length === 0) return;
    const jsgf = `#JSGF V1.0;\ngrammar hearth_wake;\npublic <wake> = ${words.join(' ')};\n`;
    await this.withDecoder({ jsgf, rejectionWeight: 0 }, async (api, decoder) => {
      // Never replace the current search (the decoder would point at a freed one).
      if (this.commandModel !== undefined) api.setSearch(decoder, COMMAND_SEARCH);
      const variants = (word: string) => {
        const phones = [api.lookupWord(decoder, word) as string];
        for (let n = 2; api.lookupWord(decoder, `${word}(${n})`); n++)
          phones.push(api.lookupWord(decoder, `${word}(${n})`) as string);
        const unheard = phones.map(withoutPostvocalicR).filter((p): p is string => !!p && !phones.includes(p));
        for (const p of new Set(unheard)) api.addWord(decoder, `${word}(${phones.push(p)})`, p, 0);
        return phones.length;
      };
      loadWakeSearch(api, decoder, WAKE_SEARCH, keyphraseLines(words, variants, spotter.threshold));
      this.wakeCheck = compileFocused(api, decoder, WAKE_CHECK_SEARCH, wakeCheckJsgf(words), DEFAULT_FOCUS_SEARCH);
      this.wakePhrase = words.join(' ');
    });
  }

  startUtterance(options: UtteranceOptions = {}): RecognitionSession {
    const { api, decoder } = this.loaded();
    if (this.commandModel === undefined)
      throw new HubError('RECOGNIZER_UNAVAILABLE', 'pocketsphinx has no grammar yet; call setGrammar first');
    const answer =
      options.grammar !== undefined && this.answerSearches.has(options.grammar)
        ? `answer-${options.grammar}`
        : undefined;
    return lockedSession(
      this.lock,
      pocketsphinxUtterance({
        api,
        decoder,
        search: COMMAND_SEARCH,
        meanSearch: this.phoneSearch ? MEAN_SEARCH : undefined,
        answer: answer ? { search: answer, bias: this.options.answerBias ?? DEFAULT_ANSWER_BIAS } : undefined,
        cmn: this.cmn,
        noise: this.noise && { control: this.noise, seed: this.options.noiseSeed },
        channels: this.channels,
        seed: this.cmnSeed,
        modelMean: this.modelMean,
        source: options.source ?? 'default',
        minScorePerFrame: this.options.minScorePerFrame,
        minFit: this.options.minFit,
        minCoverage: this.options.minCoverage,
        minWordFit: this.options.minWordFit,
        // 10 ms frames (the model's -frate 100).
        maxUncovered: this.options.maxUncoveredMs == null ? null : this.options.maxUncoveredMs / 10,
        standalone: options.standalone === true,
        margin: this.phoneSearch
          ? {
              phoneSearch: PHONE_SEARCH,
              withDecoder: (fn) => this.holdingDecoder(fn),
              // Only when every utterance's fit is measured: otherwise the pass is rarely asked for.
              live: this.phonePass && this.options.minFit != null ? new LivePhonePass(this.phonePass) : undefined,
            }
          : undefined,
        rivals: { search: RIVAL_SEARCH, load: (sentences) => this.loadRivals(api, decoder, sentences) },
        focus: this.options.focus
          ? {
              search: FOCUS_SEARCH,
              load: (intent) => this.loadFocus(api, decoder, intent, this.options.focus!),
              duel: {
                search: RIVAL_SEARCH,
                load: (sentences) => this.loadRivals(api, decoder, sentences, this.options.focus!),
              },
            }
          : undefined,
        // Speech only: a wake phrase alone ("hey hearth", ~0.65 s) plus the endpointer's 0.7 s of padding used to
        // count as enough of a new channel, so the command after it was not decoded again and was often misheard.
        nonSpeechFrames: Math.round((options.nonSpeechMs ?? 0) / 10),
        wake:
          options.spotWake && this.wakePhrase !== undefined && this.options.wake
            ? {
                search: WAKE_SEARCH,
                phrase: this.wakePhrase,
                options: this.options.wake,
                check:
                  this.wakeCheck && this.phoneSearch
                    ? { search: WAKE_CHECK_SEARCH, phoneSearch: PHONE_SEARCH }
                    : undefined,
              }
            : undefined,
        redecodeDistance: this.options.redecodeDistance ?? DEFAULT_REDECODE_DISTANCE,
        earlyMeanFrames: this.options.earlyMeanFrames ?? undefined,
        read: () => {
          const out = [0];
          const hypothesis = (api.getHyp(decoder, out) as string | null) ?? '';
          const frames = api.getNFrames(decoder) as number;
          const acoustic = hypothesis ? acousticScore(api, decoder) : undefined;
          const measured = {
            score: out[0]!,
            frames,
            scorePerFrame: out[0]! / Math.max(1, frames),
            ...(acoustic !== undefined ? { acoustic, segments: segments(api, decoder) } : {}),
          };
          // Rejected: the words before the junk stay (the wake phrase: the person did speak to the hub).
          return heardJunk(hypothesis)
            ? { text: cleanTranscript(wordsBeforeJunk(hypothesis)), rejected: true, ...measured }
            : { text: cleanTranscript(hypothesis), ...measured };
        },
        readPartial: () => {
          const hypothesis = (api.getHyp(decoder, [0]) as string | null) ?? '';
          return heardJunk(hypothesis) ? undefined : cleanTranscript(hypothesis);
        },
        onFinished: () => this.trimWhenIdle(),
      }),
    );
  }

  /** Teaches the decoder the grammar's words, then runs `load` holding the decoder (no utterance can be running). */
  private async withDecoder(
    grammar: Grammar,
    load: (api: PocketsphinxApi, decoder: unknown, jsgf: string) => Promise<void>,
  ): Promise<void> {
    const { api, decoder } = this.loaded();
    if (!grammar.jsgf)
      throw new HubError('VALIDATION_FAILED', 'pocketsphinx needs a JSGF grammar; export one from hub/language');
    const rejection = grammar.rejectionWeight ?? this.options.rejectionWeight ?? 0;
    const jsgf = rejection > 0 ? withJunkLoop(grammar.jsgf, rejection) : grammar.jsgf;
    const words = await loadCmuDictionary(this.dictionaryPath);
    // The dictionary and search cannot change during an utterance, so wait for the decoder.
    await this.lock.acquire();
    try {
      const extra = { ...grammar.pronunciations, ...JUNK_PRONUNCIATIONS };
      const missing: string[] = [];
      const modelWords = grammar.languageModel?.words ?? [];
      for (const word of new Set([...jsgfWords(jsgf), ...modelWords, ...Object.keys(extra)])) {
        if (api.lookupWord(decoder, word)) continue;
        const variants =
          extra[word] !== undefined ? [extra[word]] : pronunciationsFor(word, words.pronunciations(word));
        if (variants.length === 0) missing.push(word);
        variants.forEach((phones, i) => {
          if (api.addWord(decoder, i === 0 ? word : `${word}(${i + 1})`, phones, 0) < 0) {
            throw new HubError(
              'VALIDATION_FAILED',
              `pocketsphinx rejected the pronunciation "${phones}" for "${word}"; use ARPAbet phones from its model`,
            );
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
      await load(api, decoder, jsgf);
    } finally {
      this.lock.release();
    }
  }

  /**
   * Compiles `jsgf` as the search `name` (replacing one of that name) and makes it current, so the decoder never
   * points at a search that was just freed.
   */
  private async compile(
    api: PocketsphinxApi,
    decoder: unknown,
    name: string,
    jsgf: string,
    offMainThread: boolean,
  ): Promise<void> {
    const status = offMainThread
      ? await offThread<number>(api.setJsgf, decoder, name, jsgf)
      : (api.setJsgf(decoder, name, jsgf) as number);
    if (status < 0 || api.setSearch(decoder, name) < 0) {
      throw new HubError(
        'VALIDATION_FAILED',
        'pocketsphinx rejected the JSGF grammar (syntax error or an empty rule); check the exported grammar',
      );
    }
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

  /**
   * The search RIVAL_SEARCH as a grammar of just `sentences` (words the decoder knows only), searched as the focused
   * pass searches when `focus` is given; false if refused.
   */
  private loadRivals(
    api: PocketsphinxApi,
    decoder: unknown,
    sentences: readonly string[],
    focus?: FocusSearch,
  ): boolean {
    const clean = sentences.map((t) => cleanTranscript(t)).filter((t) => /^[a-z' ]+$/.test(t));
    if (clean.length === 0 || clean.some((t) => t.split(' ').some((w) => !api.lookupWord(decoder, w)))) return false;
    const jsgf = `#JSGF V1.0;\ngrammar hearth_rivals;\npublic <rivals> = ${clean.join(' | ')};\n`;
    // Never replace the current search (the decoder would point at a freed one).
    if (this.commandModel !== undefined) api.setSearch(decoder, COMMAND_SEARCH);
    return focus
      ? compileFocused(api, decoder, RIVAL_SEARCH, jsgf, focus)
      : api.setJsgf(decoder, RIVAL_SEARCH, jsgf) >= 0;
  }

  /** The search FOCUS_SEARCH as the command grammar cut to `intent`, searched with `search`; false if it has none. */
  private loadFocus(api: PocketsphinxApi, decoder: unknown, intent: string, search: FocusSearch): boolean {
    if (this.focused === intent) return true;
    const jsgf = this.commandModel && jsgfFocusedOn(this.commandModel.jsgf, intent);
    if (!jsgf) return false;
    // Never replace the current search (the decoder would point at a freed one).
    api.setSearch(decoder, COMMAND_SEARCH);
    this.focused = compileFocused(api, decoder, FOCUS_SEARCH, jsgf, search) ? intent : undefined;
    return this.focused === intent;
  }

  /** Runs `fn` holding the decoder (after any utterance in progress). */
  private async holdingDecoder<T>(fn: () => T): Promise<T> {
    await this.lock.acquire();
    try {
      this.loaded();
      return fn();
    } finally {
      this.lock.release();
    }
  }

  /** The command search from the n-gram model when there is one, else from the grammar. */
  private async loadCommandSearch(
    api: PocketsphinxApi,
    decoder: unknown,
    model: { jsgf: string; arpa?: string },
  ): Promise<void> {
    if (model.arpa !== undefined) await loadNgramSearch(api, decoder, COMMAND_SEARCH, model.arpa, this.grammarWeight());
    else await this.compile(api, decoder, COMMAND_SEARCH, model.jsgf, true);
  }

  /** The language weight (-lw) the grammar searches are built with. */
  private grammarWeight(): number {
    return Number(this.options.args?.['-lw'] ?? POCKETSPHINX_DEFAULT_ARGS['-lw']);
  }

  /** The decoder's current cepstral mean (for measuring a seed); undefined when not reachable. */
  cepstralMean(): number[] | undefined {
    return this.cmn?.get();
  }

  /** The front end's noise estimate now (for measuring a seed: bench/voice-noise-seed.ts); undefined when not reachable. */
  noiseEstimate(): NoiseState | undefined {
    return this.noise?.get();
  }

  /** The adapted mean a source's next utterance starts from (undefined unless `cmn` is adaptive). */
  sourceMean(source: string): readonly number[] | undefined {
    return this.channels?.meanFor(source);
  }

  private loaded(): { api: PocketsphinxApi; decoder: unknown } {
    if (!this.api || !this.decoder)
      throw new HubError('RECOGNIZER_UNAVAILABLE', 'pocketsphinx is not started; call start() first');
    return { api: this.api, decoder: this.decoder };
  }
}
