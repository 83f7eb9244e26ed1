/**
 * The wake phrase spotted apart from the command grammar: a pocketsphinx keyword search (ps_set_kws) compares the
 * phrase with a free phone loop frame by frame, so the command grammar's hundreds of words cannot out-bid its two
 * words at the start of an utterance (as a grammar prefix, "hey hearth <command>" was missed 75 % of the time:
 * BENCHMARKS.md, "Wake phrase honesty"). Once it is spotted, the command grammar decodes the audio after it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubError } from '../../sdk/errors.js';
import type { PocketsphinxApi } from './pocketsphinx-library.js';
import type { Fit } from './types.js';

export interface WakeSpotterOptions {
  /** How much better than free phones the phrase must fit to count (a probability; lower spots more). */
  threshold: number;
  /** The phrase must end within this much of the utterance's start: it opens what is said to the hub. */
  withinMs: number;
  /**
   * The spotted phrase, decoded again on its own over the audio from the utterance's start to where it was spotted,
   * must fit at least this well against free phones (acoustic score per 10 ms frame, as RecognitionResult.fit);
   * null: not checked. Talk spotted as the phrase ("her heart", "the hearth") fits it worse than the phrase said.
   */
  minPhraseFit?: number | null | undefined;
  /**
   * …and cover at least this share of the speech in that audio: the phrase opens what is said to the hub, so words
   * said before it in the same breath ("we sat by the hearth") leave speech it does not cover.
   */
  minPhraseCoverage?: number | undefined;
  /** …and each of its words fit at least this well on its own frames ("hey" squeezed onto a syllable of talk). */
  minPhraseWordFit?: number | null | undefined;
}

/** 16 kHz samples per millisecond. */
const SAMPLES_PER_MS = 16;
/**
 * The keyword search reports a phrase this long after it ended (its -kws_delay of 10 frames plus the front end's
 * look-ahead); measured on espeak-ng voices at 130–200 wpm: 50–110 ms. The command starts here, before the report.
 */
const REPORT_LAG_MS = 110;

const VOWELS = new Set(['AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'EH', 'ER', 'EY', 'IH', 'IY', 'OW', 'OY', 'UH', 'UW']);

/**
 * The phrase's word as said without an r after a vowel ("hearth" HH AA TH), as southern English, Welsh and Caribbean
 * voices say it: cmudict writes only the r-ful American pronunciation, which the keyword search then misses.
 * Undefined when the word has no such r.
 */
export function withoutPostvocalicR(phones: string): string | undefined {
  const list = phones.trim().split(/\s+/);
  const kept = list.filter(
    (phone, i) =>
      !(
        phone === 'R' &&
        i > 0 &&
        VOWELS.has(list[i - 1]!.replace(/[0-9]/g, '')) &&
        !VOWELS.has((list[i + 1] ?? '').replace(/[0-9]/g, ''))
      ),
  );
  return kept.length < list.length ? kept.join(' ') : undefined;
}

/**
 * Every way the dictionary lets the phrase be said (`hearth` and `hearth(2)`, the non-rhotic HH AA TH), one line
 * each in the keyword file: the search itself takes only a word's first pronunciation.
 */
export function keyphraseLines(words: readonly string[], variants: (word: string) => number, threshold: number) {
  let phrases: string[][] = [[]];
  for (const word of words) {
    const count = Math.max(1, variants(word));
    phrases = phrases.flatMap((p) =>
      Array.from({ length: count }, (_, i) => [...p, i === 0 ? word : `${word}(${i + 1})`]),
    );
  }
  return phrases.map((p) => `${p.join(' ')} /${threshold.toExponential()}/`);
}

/** The phrase alone as a grammar: checked against the audio it was spotted in (every pronunciation, see `keyphraseLines`). */
export function wakeCheckJsgf(words: readonly string[]): string {
  return `#JSGF V1.0;\ngrammar hearth_wake_check;\npublic <wake> = ${words.join(' ')};\n`;
}

/** Whether the spotted phrase's check (`fit`: the phrase over free phones on the audio up to it) lets it count. */
export function phraseHolds(fit: Fit, options: WakeSpotterOptions): boolean {
  return (
    fit.fit >= (options.minPhraseFit ?? -Infinity) &&
    fit.coverage >= (options.minPhraseCoverage ?? 0) &&
    (fit.worstWord ?? 0) >= (options.minPhraseWordFit ?? -Infinity)
  );
}

/**
 * A wake phrase with nothing after it is a wake (the hub answers and listens); one followed by more speech that
 * fits no command is talk. Beyond the endpointer's padding (`nonSpeechFrames`, at least the default 0.5 s of
 * trailing silence) this much may follow: the report's lag and a breath.
 */
const LONE_PHRASE_TAIL_FRAMES = 25;
const MIN_TRAILING_FRAMES = 50;
export function loneTailTooLong(framesAfter: number, nonSpeechFrames: number): boolean {
  return framesAfter > Math.max(nonSpeechFrames, MIN_TRAILING_FRAMES) + LONE_PHRASE_TAIL_FRAMES;
}

/** Loads the keyword search `name` for these phrase lines (replacing one of that name; never the current search). */
export function loadWakeSearch(api: PocketsphinxApi, decoder: unknown, name: string, lines: readonly string[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-wake-'));
  try {
    const path = join(dir, 'wake.kws');
    writeFileSync(path, `${lines.join('\n')}\n`);
    if (api.setKws(decoder, name, path) < 0)
      throw new HubError(
        'VALIDATION_FAILED',
        'pocketsphinx refused the wake phrase; use words its pronouncing dictionary knows (voice.wakePhrase)',
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One utterance's audio through the keyword search, chunk by chunk, until the phrase is spotted: where the command
 * after it starts (in samples from the utterance's start), or undefined while it is not (yet) spotted.
 */
export class WakeSpotting {
  private fed: number;
  private spottedAt: number | undefined;
  private closed = false;

  /** `from`: where in the utterance (samples) the audio it is fed starts (after a spot that was not the phrase). */
  constructor(
    private readonly api: PocketsphinxApi,
    private readonly decoder: unknown,
    private readonly options: WakeSpotterOptions,
    from = 0,
  ) {
    this.fed = from;
  }

  /** Feeds `samples`; true once the phrase has been spotted (in these or earlier samples). */
  feed(samples: Int16Array): boolean {
    if (this.spottedAt !== undefined || this.closed) return this.spottedAt !== undefined;
    this.api.processRaw(this.decoder, samples, samples.length, 0, 0);
    this.fed += samples.length;
    if (this.api.getHyp(this.decoder, [0])) this.spot();
    // Past the opening of the utterance the phrase no longer counts: stop spending time on the search.
    else if (this.fed > (this.options.withinMs + REPORT_LAG_MS) * SAMPLES_PER_MS) this.closed = true;
    return this.spottedAt !== undefined;
  }

  /** The utterance ended: a phrase the search reports only now (it ended in the last few frames) counts too. */
  end(): number | undefined {
    if (this.spottedAt === undefined && !this.closed && this.api.getHyp(this.decoder, [0])) this.spot();
    return this.spottedAt;
  }

  get commandStart(): number | undefined {
    return this.spottedAt;
  }

  private spot(): void {
    const at = Math.max(0, this.fed - REPORT_LAG_MS * SAMPLES_PER_MS);
    if (at <= this.options.withinMs * SAMPLES_PER_MS) this.spottedAt = at;
    else this.closed = true;
  }
}

/** Whether a phrase ending at sample `at` still opens the utterance (WakeSpotterOptions.withinMs). */
export function opensUtterance(at: number, options: WakeSpotterOptions): boolean {
  return at <= options.withinMs * SAMPLES_PER_MS;
}

/** Runs a whole recording through the keyword search (ps_start_utt … ps_end_utt done by the caller's `decode`). */
export function spotIn(spotting: WakeSpotting, audio: readonly Int16Array[]): number | undefined {
  for (const samples of audio) if (spotting.feed(samples)) break;
  return spotting.end();
}

/** `audio` before sample `until` (the chunks are not copied). */
export function audioUntil(audio: readonly Int16Array[], until: number): Int16Array[] {
  const out: Int16Array[] = [];
  let at = 0;
  for (const samples of audio) {
    if (at >= until) break;
    out.push(at + samples.length <= until ? samples : samples.subarray(0, until - at));
    at += samples.length;
  }
  return out;
}

/** `audio` from sample `from` on (the chunks are not copied). */
export function audioFrom(audio: readonly Int16Array[], from: number): Int16Array[] {
  const out: Int16Array[] = [];
  let at = 0;
  for (const samples of audio) {
    const end = at + samples.length;
    if (end > from) out.push(at >= from ? samples : samples.subarray(from - at));
    at = end;
  }
  return out;
}

/** The command heard after the spotted wake phrase, with the phrase in front (as the gate expects it). */
export function afterWakePhrase<T extends { text: string }>(phrase: string, result: T): T & { woken: true } {
  const text =
    result.text === phrase || result.text.startsWith(`${phrase} `) ? result.text : `${phrase} ${result.text}`;
  return { ...result, text: text.trim(), woken: true };
}
