/**
 * Adaptive cepstral mean normalisation per audio source.
 *
 * The cepstral mean is mostly the channel: the microphone, the room, the satellite's codec. Each
 * source (the local microphone, every satellite, the upload path) therefore keeps its own mean,
 * starts from the model's (-cmninit) the first time it is heard, is updated after each of its
 * utterances, and is saved so a restart does not start over. Sources never disturb each other.
 *
 * The update is the mean of all speech frames heard from the source until it holds WINDOW_FRAMES,
 * then a moving window of that many frames (sphinxbase's live CMN window is the same 5 s): a new
 * source takes its own channel after its first utterance instead of creeping towards it from the
 * model's mean (sphinxbase counts the starting mean as 500 frames, so it moves ~30 % per command).
 */
import type { Logger } from '../../core/logger.js';

/** A row as stored; checked before use, since the file may come from an older hub or be damaged. */
export interface StoredChannelMean {
  source: string;
  mean: unknown;
  utterances: unknown;
  frames: unknown;
}

export interface ChannelMeanRecord {
  source: string;
  mean: readonly number[];
  /** Utterances this mean has been adapted on. */
  utterances: number;
  /** Speech frames (10 ms) behind the mean, at most WINDOW_FRAMES. */
  frames: number;
}

export interface ChannelMeanStore {
  load(): StoredChannelMean[];
  /** Upserts the records and keeps at most `keep` sources (the most recently updated). */
  save(records: readonly ChannelMeanRecord[], keep: number): void;
}

export interface ChannelMeansOptions {
  /** Where a source never heard before starts (the model's -cmninit). */
  initial: readonly number[];
  log: Logger;
  store?: ChannelMeanStore | undefined;
  /** Upper bound on remembered sources (a source per WAV file must not grow the table forever). */
  maxSources?: number;
}

/** The same bounds the config puts on a hand-set voice.pocketsphinx.cmnInit. */
const MEAN_LIMIT = 200;
const DEFAULT_MAX_SOURCES = 32;
/** 5 s of speech frames. */
export const WINDOW_FRAMES = 500;
/** A source with less speech than this behind its mean has not found its channel yet (1 s). */
export const COLD_FRAMES = 100;

export class ChannelMeans {
  private readonly means = new Map<string, ChannelMeanRecord>();
  private readonly dirty = new Set<string>();
  private readonly maxSources: number;

  constructor(private readonly options: ChannelMeansOptions) {
    this.maxSources = options.maxSources ?? DEFAULT_MAX_SOURCES;
  }

  /** Reads the stored means; a row that is not a usable mean for this model is skipped and logged. */
  load(): void {
    for (const row of this.options.store?.load() ?? []) {
      const problem = this.problemWith(row);
      if (problem) {
        this.options.log.warn(
          { source: row.source, problem },
          'stored cepstral mean ignored; this source starts again from the model mean',
        );
        continue;
      }
      this.means.set(row.source, {
        source: row.source,
        mean: parseMean(row.mean)!,
        utterances: row.utterances as number,
        frames: row.frames as number,
      });
    }
  }

  /** The mean the next utterance from `source` starts from. */
  meanFor(source: string): readonly number[] {
    return this.means.get(source)?.mean ?? this.options.initial;
  }

  utterancesOf(source: string): number {
    return this.means.get(source)?.utterances ?? 0;
  }

  /** True until the source's mean rests on COLD_FRAMES of its own speech. */
  isCold(source: string): boolean {
    return (this.means.get(source)?.frames ?? 0) < COLD_FRAMES;
  }

  /**
   * Folds one utterance (the mean of its `frames` speech frames) into the source's mean; a vector
   * that is not finite or has the wrong size is dropped (logged).
   */
  adapt(source: string, utteranceMean: readonly number[], frames: number): void {
    const problem = vectorProblem(utteranceMean, this.options.initial.length);
    if (problem) {
      this.options.log.warn({ source, problem }, 'cepstral mean of the utterance not kept');
      return;
    }
    if (!(frames > 0)) return;
    const before = this.means.get(source);
    const prior = before?.frames ?? 0;
    const mean = before
      ? before.mean.map((m, k) => (m * prior + utteranceMean[k]! * frames) / (prior + frames))
      : [...utteranceMean];
    this.means.delete(source); // re-inserted last: the Map's order is the least recently updated first
    this.means.set(source, {
      source,
      mean,
      utterances: (before?.utterances ?? 0) + 1,
      frames: Math.min(WINDOW_FRAMES, prior + frames),
    });
    this.dirty.add(source);
    while (this.means.size > this.maxSources) {
      const oldest = this.means.keys().next().value!;
      this.means.delete(oldest);
      this.dirty.delete(oldest);
    }
  }

  /** Saves what changed since the last flush; a failing store is logged and retried on the next flush. */
  flush(): void {
    if (!this.options.store || this.dirty.size === 0) return;
    const records = [...this.dirty].map((source) => this.means.get(source)!).filter(Boolean);
    try {
      this.options.store.save(records, this.maxSources);
      this.dirty.clear();
    } catch (err) {
      this.options.log.error({ err }, 'cepstral means not saved; will retry');
    }
  }

  private problemWith(row: StoredChannelMean): string | undefined {
    if (typeof row.source !== 'string' || row.source.length === 0) return 'source is empty';
    const mean = parseMean(row.mean);
    if (!mean) return 'mean is not a JSON array of numbers';
    const vector = vectorProblem(mean, this.options.initial.length);
    if (vector) return vector;
    if (!Number.isInteger(row.utterances) || (row.utterances as number) < 0)
      return 'utterances is not a whole number ≥ 0';
    if (!Number.isInteger(row.frames) || (row.frames as number) < 0 || (row.frames as number) > WINDOW_FRAMES)
      return `frames is not a whole number from 0 to ${WINDOW_FRAMES}`;
    return undefined;
  }
}

function parseMean(value: unknown): number[] | undefined {
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    return Array.isArray(parsed) && parsed.every((v) => typeof v === 'number') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function vectorProblem(mean: readonly number[], size: number): string | undefined {
  if (mean.length !== size) return `mean has ${mean.length} values, the model needs ${size}`;
  if (!mean.every((v) => Number.isFinite(v) && Math.abs(v) <= MEAN_LIMIT))
    return `mean has a value that is not a number within ±${MEAN_LIMIT}`;
  return undefined;
}
