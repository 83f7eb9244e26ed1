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

export interface WakeSpotterOptions {
  /** How much better than free phones the phrase must fit to count (a probability; lower spots more). */
  threshold: number;
  /** The phrase must end within this much of the utterance's start: it opens what is said to the hub. */
  withinMs: number;
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
  private fed = 0;
  private spottedAt: number | undefined;
  private closed = false;

  constructor(
    private readonly api: PocketsphinxApi,
    private readonly decoder: unknown,
    private readonly options: WakeSpotterOptions,
  ) {}

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

/** Runs a whole recording through the keyword search (ps_start_utt … ps_end_utt done by the caller's `decode`). */
export function spotIn(spotting: WakeSpotting, audio: readonly Int16Array[]): number | undefined {
  for (const samples of audio) if (spotting.feed(samples)) break;
  return spotting.end();
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
