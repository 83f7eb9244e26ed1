/**
 * One pocketsphinx utterance: which search and cepstral mean it starts from, the audio fed as it arrives, and
 * whether it is decoded a second time from its own mean at the endpoint.
 *
 * The cepstral mean is mostly the channel (microphone, room, codec). The en-us model was trained with each
 * utterance normalised by its own mean, so an utterance decoded from a mean far from its own is heard badly.
 * A source that is not known yet, an uploaded recording, or an utterance whose own mean turns out far from its
 * source's (someone else at the satellite, a different room) is therefore decoded again from its own mean. That
 * second result depends on the audio alone: the same recording gives the same answer on any fresh source, and a
 * source's history can only change what a later utterance starts from when that start was close to its own.
 * Where the second decode is certain from the start (a new source, an upload), the first pass only measures the
 * mean: the audio goes through a search of one stub word (the front end and a few models, not the grammar), so the
 * grammar is searched once, from the utterance's own mean. With `earlyMeanFrames` that measuring stops after the
 * first second or so of speech, and the grammar searches the utterance from that estimate of its own mean while the
 * rest is spoken, so only the tail is left at the endpoint (real people's orders were heard as well as from the
 * whole utterance's mean, BENCHMARKS.md).
 */
import type { ChannelMeans } from './channel-means.js';
import type { EngineUtterance } from './decoder-lock.js';
import type { CmnControl } from './pocketsphinx-cmn.js';
import type { NoiseControl, NoiseState } from './pocketsphinx-noise.js';
import { fitOverPhones } from './pocketsphinx-fit.js';
import { type PocketsphinxApi, type Segment, segments } from './pocketsphinx-library.js';
import type { LivePhonePass } from './pocketsphinx-phone-pass.js';
import type { Fit, Lead, Refocused } from './types.js';
import {
  afterWakePhrase,
  audioFrom,
  audioUntil,
  loneTailTooLong,
  opensUtterance,
  phraseHolds,
  spotIn,
  WakeSpotting,
  type WakeSpotterOptions,
} from './pocketsphinx-wake.js';

export interface PocketsphinxUtteranceSetup {
  api: PocketsphinxApi;
  decoder: unknown;
  /** The command grammar's search (its grammar is the one loaded when the utterance gets the decoder). */
  search: string;
  /**
   * A search of one stub word that an utterance certain to be decoded again from its own mean (a cold or standalone
   * source) is fed through first, to measure that mean; undefined: the command grammar decodes it twice.
   */
  meanSearch?: string | undefined;
  cmn: CmnControl | undefined;
  /**
   * The front end's noise estimate. With `seed` every pass starts from it, so what the decoder heard before cannot
   * change how it hears this audio; without, it carries on from the last pass.
   */
  noise?: { control: NoiseControl; seed: NoiseState | undefined } | undefined;
  channels: ChannelMeans | undefined;
  /** `seed` mode: every utterance starts from this mean, nothing adapts. */
  seed: readonly number[] | undefined;
  /** The model's own mean (-cmninit): where an utterance with no better start begins. */
  modelMean: readonly number[] | undefined;
  source: string;
  /** The recording is its own channel: decoded from its own mean, nothing learnt from it. */
  standalone: boolean;
  /** Frames of the utterance that are the endpointer's padding, not speech. */
  nonSpeechFrames: number;
  /** How far (Euclidean, cepstral units) an utterance's own mean may be from its source's before it is decoded again. */
  redecodeDistance: number;
  /**
   * A measured utterance (`meanSearch`) is searched with the grammar while it is spoken once this many frames of its
   * speech have given a first estimate of its own mean (the grammar pass starts from it, over the audio so far);
   * shorter ones are searched at the endpoint. Undefined: the grammar searches a measured utterance at the endpoint.
   */
  earlyMeanFrames?: number | undefined;
  /**
   * An open question's grammar (its answers): the audio decoded with the command grammar is decoded with it too,
   * and the answer is taken when it fits the audio at least as well as the best command does (plus `answerBias`),
   * so a command said instead of the answer is heard as that command, never as "yes".
   */
  answer?: { search: string; bias: number } | undefined;
  /**
   * Words whose path score per frame is below this are taken as fitting nothing (`rejected`): talk that is no command
   * lands on the nearest sentence with a far worse score than a command said (calibrated in BENCHMARKS.md).
   */
  minScorePerFrame?: number | null | undefined;
  /**
   * Words that fit the audio worse than free phones by more than this (acoustic score per 10 ms frame, `fit`) are
   * taken as fitting nothing (`rejected`). Unlike the path score it does not depend on the grammar's size: both
   * sides are how well the sounds match, without what the grammar's branching costs. null: no floor (and the free
   * phone pass runs only when `margin` is asked for).
   */
  minFit?: number | null | undefined;
  /** With `minFit`: words covering less than this share of the speech (the rest taken as fillers) are rejected too. */
  minCoverage?: number | undefined;
  /** With `minFit`: a decode with any word fitting worse than this (Fit.worstWord) is rejected too. */
  minWordFit?: number | null | undefined;
  /** With `minFit`: a decode leaving more than this many speech frames uncovered (Fit.uncovered) is rejected too. */
  maxUncovered?: number | null | undefined;
  /** The hypothesis as decoded, turned into the result. */
  read(): DecodedUtterance;
  /** The words of the best path so far, mid-utterance (undefined when it ends in the rejection loop). */
  readPartial(): string | undefined;
  /**
   * Margin of the decoded words over free phones (the search `phoneSearch`), asked for after the utterance: runs a
   * pass over the kept audio holding the decoder through `withDecoder`.
   */
  margin?:
    | {
        phoneSearch: string;
        withDecoder<T>(fn: () => T): Promise<T>;
        /** The free-phone pass run while the audio arrives, used when the words' pass started from the same mean. */
        live?: LivePhonePass | undefined;
      }
    | undefined;
  /**
   * For `lead` (asked for after the utterance): loads a grammar of just the given sentences as the search `search`
   * (false when the decoder refused it, e.g. a word it does not know); called holding the decoder.
   */
  rivals?: { search: string; load(sentences: readonly string[]): boolean } | undefined;
  /**
   * For `focus`: loads the grammar of one intent's sentences as the search `search` (false: it has none), and `duel`
   * a grammar of just a few sentences searched the same way (false when refused).
   */
  focus?:
    | {
        search: string;
        load(intent: string): boolean;
        duel: { search: string; load(sentences: readonly string[]): boolean };
      }
    | undefined;
  /**
   * The utterance counts only if it opens with the wake phrase: the keyword search `search` listens for `phrase`
   * first, and the command grammar decodes only what follows it (pocketsphinx-wake.ts). Not spotted: `woken` false.
   */
  wake?:
    | {
        search: string;
        phrase: string;
        options: WakeSpotterOptions;
        /** The phrase alone as a grammar (`checkSearch`), checked against free phones (`phoneSearch`) once spotted. */
        check?: { search: string; phoneSearch: string } | undefined;
      }
    | undefined;
  onFinished(): void;
}

export interface DecodedUtterance {
  text: string;
  rejected?: boolean;
  /** Path score (log base 1.0001, pocketsphinx's scale) and the frames it covers. */
  score: number;
  frames: number;
  scorePerFrame: number;
  /** The acoustic part of `score` (pocketsphinx-library.ts acousticScore). */
  acoustic?: number;
  /** The hypothesis word by word (with `acoustic`). */
  segments?: Segment[];
  /** A question was open and the command grammar fitted better than its answers. */
  fellBack?: boolean;
  /** A question was open: the answer's path score minus the best command's (Infinity: no command fitted). */
  answerLead?: number;
  margin?: () => Promise<Fit>;
  /** The words against a free-phone pass (measured when `minFit` is set). */
  fit?: Fit;
  lead?: (rivals: readonly string[]) => Promise<Lead | undefined>;
  focus?: (intent: string) => Promise<Refocused | undefined>;
  /** Set when the wake phrase was listened for: whether it was spotted (the text then starts with it). */
  woken?: boolean;
  /** The spotted phrase against free phones on the audio up to it (WakeSpotterOptions.minPhraseFit). */
  phraseFit?: Fit;
}

export function pocketsphinxUtterance(setup: PocketsphinxUtteranceSetup): EngineUtterance {
  const { api, decoder, cmn, channels, source } = setup;
  let carry: Buffer | undefined;
  /** The audio kept for a second decode (own mean, fallback grammar, margin); undefined when it can never be needed. */
  let replay: Int16Array[] | undefined;
  /** The mean the last pass started from. */
  let lastStart: readonly number[] | undefined;
  let started: readonly number[] | undefined;
  /** The first pass only measures the utterance's own mean (setup.meanSearch); the grammar is searched at the end. */
  let measuring = false;
  /** The estimate of the utterance's own mean its grammar pass started from while it was spoken (setup.earlyMeanFrames). */
  let earlyStart: readonly number[] | undefined;
  /** A source whose mean is not learnt yet, or a recording that is its own channel: decoded from its own mean. */
  const cold = () => setup.standalone || !channels || channels.isCold(source);
  const firstSearch = () => (measuring ? setup.meanSearch! : setup.search);
  const live = setup.margin?.live;
  /** The mean the live free-phone pass started from. */
  let liveStart: readonly number[] | undefined;
  const process = (samples: Int16Array) => api.processRaw(decoder, samples, samples.length, 0, 0);
  const startPass = () => {
    if (setup.noise?.seed) setup.noise.control.set(setup.noise.seed);
    api.startUtt(decoder);
  };
  const decodeAgain = (mean: readonly number[] | undefined, audio = replay ?? []) => {
    if (cmn && mean) cmn.set(mean, 1);
    startPass();
    for (const samples of audio) process(samples);
    api.endUtt(decoder);
  };
  /**
   * Enough speech measured: the measuring pass ends (folding the mean so far into the estimate), and the grammar
   * searches the kept audio from that estimate, then the rest as it arrives, beside the live free-phone pass.
   */
  const searchFromEarlyMean = () => {
    api.endUtt(decoder);
    const early = cmn!.get();
    measuring = false;
    earlyStart = lastStart = early;
    api.setSearch(decoder, setup.search);
    cmn!.set(early, 1);
    if (live && setup.noise) {
      live.begin(early, setup.noise.seed ?? setup.noise.control.get());
      liveStart = early;
    }
    startPass();
    for (const samples of replay ?? []) {
      process(samples);
      live?.feed(samples);
    }
  };
  /** While the wake phrase is listened for: the audio so far, and the spotting (undefined once it is spotted). */
  let heard: Int16Array[] = [];
  let spotting: WakeSpotting | undefined;
  const startMean = () => {
    if (cmn && started) cmn.set(started, 1);
    else if (cmn && setup.seed) cmn.set(setup.seed);
  };
  /** Samples fed so far, and where the command starts once the phrase is spotted (and holds). */
  let fed = 0;
  let commandFrom: number | undefined;
  /** Spotted, but the phrase's check failed and the opening is over: talk, nothing more is decoded. */
  let checkFailed = false;
  /** Where the search for the phrase started: after a spot that failed its check, the audio after it. */
  let searchFrom = 0;
  let phraseFit: Fit | undefined;
  /** The wake phrase was spotted: the command grammar takes the audio after it and what comes next. */
  const decodeCommandFrom = (start: number) => {
    spotting = undefined;
    commandFrom = start;
    const rest = audioFrom(heard, start);
    heard = [];
    if (replay) replay = rest;
    api.setSearch(decoder, firstSearch());
    startMean();
    startPass();
    for (const samples of rest) process(samples);
  };
  /**
   * The spotted phrase decoded again on its own over the audio up to `until`, and free phones over the same audio,
   * from the mean the spotting pass started from (WakeSpotterOptions.minPhraseFit).
   */
  const phraseChecked = (until: number, mean: readonly number[] | undefined): boolean => {
    const check = setup.wake?.check;
    if (!check) return true;
    const window = audioUntil(audioFrom(heard, searchFrom), until - searchFrom);
    const pass = (search: string) => {
      api.setSearch(decoder, search);
      if (cmn && mean) cmn.set(mean, 1);
      startPass();
      for (const samples of window) process(samples);
      api.endUtt(decoder);
      return segments(api, decoder);
    };
    // The front end's noise estimate carries on from pass to pass: the command is decoded from where the search
    // left it, as if the phrase had not been checked (from the check's, "turn on the kitchen light" was lost).
    const noise = setup.noise?.control.get();
    phraseFit = fitOverPhones(pass(check.search), pass(check.phoneSearch));
    if (noise) setup.noise!.control.set(noise);
    return phraseHolds(phraseFit, setup.wake!.options);
  };
  /**
   * Spotted at `at`: the command is decoded after it if the phrase holds. Otherwise that was not the phrase (a
   * sound-alike, or noise before it): the search listens again from there while the opening lasts, then gives up.
   */
  const spotted = (at: number, mean: readonly number[] | undefined): void => {
    if (phraseChecked(at, mean)) return decodeCommandFrom(at);
    if (!opensUtterance(at, setup.wake!.options)) {
      spotting = undefined;
      heard = [];
      checkFailed = true;
      return;
    }
    searchFrom = at;
    api.setSearch(decoder, setup.wake!.search);
    if (cmn && mean) cmn.set(mean, 1);
    startPass();
    const again = new WakeSpotting(api, decoder, setup.wake!.options, at);
    spotting = again;
    for (const samples of audioFrom(heard, at))
      if (again.feed(samples)) {
        api.endUtt(decoder);
        return spotted(again.commandStart!, mean);
      }
  };
  /** The utterance ended before the phrase was spotted: a cold source is heard again from its own mean. */
  let heardAgain = false;
  const spottedAtEnd = (): { at: number; mean: readonly number[] | undefined } | undefined => {
    api.endUtt(decoder);
    const at = spotting!.end();
    const mean = started ?? setup.seed;
    if (at !== undefined || !cmn || !started || heardAgain) return at === undefined ? undefined : { at, mean };
    heardAgain = true;
    searchFrom = 0;
    const own = cmn.get();
    const frames = cmn.frames() - 1;
    const wasCold = cold();
    if (channels && !setup.standalone) channels.adapt(source, own, frames - setup.nonSpeechFrames);
    if (!wasCold || frames <= 0) return undefined;
    cmn.set(own, 1);
    startPass();
    const again = spotIn(new WakeSpotting(api, decoder, setup.wake!.options), heard);
    api.endUtt(decoder);
    return again === undefined ? undefined : { at: again, mean: own };
  };
  return {
    begin() {
      if (cmn && (channels || setup.standalone)) {
        started = setup.standalone || !channels ? setup.modelMean : channels.meanFor(source);
        // Weight 1: the library's mean at ps_end_utt is then this utterance's own mean.
        if (started) cmn.set(started, 1);
        replay = [];
        measuring = setup.meanSearch !== undefined && started !== undefined && cold();
      } else if (cmn && setup.seed) cmn.set(setup.seed);
      api.setSearch(decoder, setup.wake?.search ?? firstSearch());
      if (setup.answer || setup.margin) replay ??= [];
      lastStart = started ?? setup.seed;
      // Spotting the wake phrase first: the command's audio starts later, so its free phones are decoded afterwards.
      if (setup.wake) spotting = new WakeSpotting(api, decoder, setup.wake.options);
      else if (live && lastStart && setup.noise && !measuring) {
        live.begin(lastStart, setup.noise.seed ?? setup.noise.control.get());
        liveStart = lastStart;
      }
      startPass();
    },
    feed(pcm) {
      const data = carry ? Buffer.concat([carry, pcm]) : pcm;
      const usable = data.length - (data.length % 2);
      carry = usable < data.length ? Buffer.from(data.subarray(usable)) : undefined;
      if (usable === 0) return;
      const aligned = data.byteOffset % 2 === 0 ? data : Buffer.from(data);
      const samples = new Int16Array(aligned.buffer, aligned.byteOffset, usable / 2);
      fed += samples.length;
      if (checkFailed) return;
      if (spotting) {
        heard.push(samples.slice());
        if (spotting.feed(heard.at(-1)!)) {
          api.endUtt(decoder);
          spotted(spotting.commandStart!, started ?? setup.seed);
        }
        return;
      }
      process(samples);
      live?.feed(samples);
      replay?.push(samples.slice());
      if (measuring && setup.earlyMeanFrames !== undefined && cmn!.frames() > setup.earlyMeanFrames)
        searchFromEarlyMean();
    },
    partial() {
      // A new source's audio is only being measured, or the wake phrase is not spotted yet: no words to tell.
      if (measuring || setup.wake) return undefined;
      return setup.readPartial();
    },
    finish() {
      const notWoken = () => {
        setup.onFinished();
        return { text: '', woken: false, score: 0, frames: 0, scorePerFrame: 0, ...(phraseFit ? { phraseFit } : {}) };
      };
      // A spot that failed its check starts the search again: until one holds or none is left.
      while (spotting) {
        const found = spottedAtEnd();
        if (found === undefined) return notWoken();
        spotted(found.at, found.mean);
      }
      if (checkFailed) return notWoken();
      api.endUtt(decoder);
      const livePhones = live?.finish();
      if (cmn && replay && started) {
        const frames = cmn.frames() - 1;
        const own = cmn.get();
        // Searched from an early estimate of its own mean while spoken: decoded once (real orders: as accurate).
        const again = earlyStart === undefined && (cold() || distance(own, started) > setup.redecodeDistance);
        if (channels && !setup.standalone) channels.adapt(source, own, frames - setup.nonSpeechFrames);
        if (measuring) {
          // No speech frames: nothing to measure, and nothing for the grammar to hear either.
          lastStart = frames > 0 ? own : started;
          api.setSearch(decoder, setup.search);
          decodeAgain(lastStart);
        } else if (frames > 0 && again) {
          lastStart = own;
          decodeAgain(own);
        }
      }
      let result = setup.read();
      if (setup.answer && replay) {
        api.setSearch(decoder, setup.answer.search);
        decodeAgain(lastStart);
        const answer = setup.read();
        const noCommand = result.text === '' && !result.rejected;
        // Compared on how well the sounds fit: the command grammar's many branches cost its sentences far more than
        // the few answers cost theirs, so on path scores a short "no" beat a clearly said command.
        const fitOf = (d: DecodedUtterance) => d.acoustic ?? d.score;
        const lead = noCommand ? Infinity : (fitOf(answer) - fitOf(result)) / Math.max(1, result.frames);
        const answered = answer.text !== '' && !answer.rejected && lead + setup.answer.bias >= 0;
        result = answered
          ? { ...answer, answerLead: lead }
          : { ...result, fellBack: true, answerLead: answer.text === '' ? -Infinity : lead };
      }
      if (
        setup.minScorePerFrame != null &&
        !result.rejected &&
        result.text !== '' &&
        result.scorePerFrame < setup.minScorePerFrame
      )
        result = { ...result, text: '', rejected: true };
      if (setup.margin && replay && !result.rejected && result.text !== '' && result.frames > 0) {
        const { withDecoder } = setup.margin;
        const kept = replay;
        const start = lastStart;
        const frames = result.frames;
        // Holding the decoder (finish runs inside the utterance's lock; the closures take it through withDecoder).
        const onKept = (search: string) => {
          api.setSearch(decoder, search);
          decodeAgain(start, kept);
          return setup.read();
        };
        let phones = liveStart !== undefined && liveStart === start ? livePhones : undefined;
        const fitOf = (words: readonly Segment[]) => () => {
          phones ??= onKept(setup.margin!.phoneSearch).segments ?? [];
          return fitOverPhones(words, phones);
        };
        const rivals = setup.rivals;
        // Each reading on its own small grammar, so neither lost to the other by the big grammar's pruning.
        const leadOf =
          rivals &&
          ((heard: string) => (others: readonly string[]) =>
            withDecoder(() => {
              const fit = (sentences: readonly string[]) => {
                if (!rivals.load(sentences)) return undefined;
                const read = onKept(rivals.search);
                return read.text === '' ? undefined : { text: read.text, fit: read.acoustic ?? read.score };
              };
              const own = fit([heard]);
              const other = fit(others);
              if (own === undefined || other === undefined) return undefined;
              return { lead: (own.fit - other.fit) / frames, rival: other.text };
            }));
        if (setup.minFit != null) {
          const fit = fitOf(result.segments ?? [])();
          const poor =
            fit.fit < setup.minFit ||
            fit.coverage < (setup.minCoverage ?? 0) ||
            (fit.uncovered ?? 0) > (setup.maxUncovered ?? Infinity) ||
            (fit.worstWord ?? 0) < (setup.minWordFit ?? -Infinity);
          result = poor ? { ...result, text: '', rejected: true, fit } : { ...result, fit };
        }
        if (!result.rejected) {
          const known = result.fit;
          result.margin = () =>
            known !== undefined ? Promise.resolve(known) : withDecoder(fitOf(result.segments ?? []));
          if (leadOf) result.lead = leadOf(result.text);
          const focus = setup.focus;
          if (focus) {
            const firstWords = result.text;
            // The focused grammar is small and searched wide, so it can force some sentence of its intent onto any
            // audio ("the car on the living room on" for "turn on the living room lamp"). Its words are taken only when
            // they beat the first words decoded side by side in one pass, searched alike: scores of separate passes
            // differ by the front end's noise estimate, which each pass carries on (±0.5 per frame on the same words).
            const beatsFirst = (words: string) =>
              focus.duel.load([words, firstWords]) && onKept(focus.duel.search).text === words;
            result.focus = (intent) =>
              withDecoder(() => {
                if (!focus.load(intent)) return undefined;
                const read = onKept(focus.search);
                if (read.text === '' || (read.text !== firstWords && !beatsFirst(read.text))) return undefined;
                const words = read.segments ?? [];
                return {
                  text: read.text,
                  margin: () => withDecoder(fitOf(words)),
                  ...(leadOf ? { lead: leadOf(read.text) } : {}),
                };
              });
          }
        }
      }
      // The phrase alone, then more speech that fits no command: talk that only began like the phrase.
      if (
        setup.wake &&
        result.text === '' &&
        !result.rejected &&
        loneTailTooLong((fed - (commandFrom ?? 0)) / SAMPLES_PER_FRAME, setup.nonSpeechFrames)
      )
        result = { ...result, rejected: true };
      setup.onFinished();
      return setup.wake
        ? afterWakePhrase(setup.wake.phrase, { ...result, ...(phraseFit ? { phraseFit } : {}) })
        : result;
    },
    abort() {
      api.endUtt(decoder);
      live?.abort();
    },
  };
}

/** 16 kHz audio in the model's 10 ms frames. */
const SAMPLES_PER_FRAME = 160;

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt(a.reduce((sum, v, i) => sum + (v - b[i]!) ** 2, 0));
}
