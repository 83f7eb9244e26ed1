import type { VadConfig } from './config.js';
import { BYTES_PER_MS } from './audio/pcm.js';

export const FRAME_MS = 20;
const FRAME_BYTES = FRAME_MS * BYTES_PER_MS;
/** The floor falls quickly (noise went away) and rises slowly (so speech does not raise it). */
const FLOOR_FALL = 0.25;
const FLOOR_RISE = 0.03;
/** How fast the noise's spread around the floor is learnt (per idle frame). */
const SPREAD_RATE = 0.05;
/**
 * Speech must stand this many times the noise's own spread (mean |frame − floor| in dB) above the floor: steady
 * noise (a fan, pink noise) spreads ~1 dB, so speech at 10 dB SNR over it is found; babble and clatter spread
 * more and keep the margin up (bench/voice-vad-noise.ts, BENCHMARKS.md).
 */
const SPREAD_MARGIN = 2.5;
const SPREAD_PRIOR_FRAMES = 5;

export type VadEvent =
  /** Speech confirmed; `pcm` holds the pre-roll and the frames that confirmed it. `atMs` is audio time of the first of them. */
  | { type: 'start'; atMs: number; pcm: Buffer }
  | { type: 'audio'; pcm: Buffer }
  | { type: 'end'; atMs: number; reason: 'silence' | 'max_length' | 'input_ended' };

/** Frame energy in dBFS (0 = full scale square wave); digital silence is -120. */
export function frameDb(frame: Buffer): number {
  let sum = 0;
  const n = frame.length >> 1;
  for (let i = 0; i < n; i++) {
    const s = frame.readInt16LE(i * 2);
    sum += s * s;
  }
  if (n === 0 || sum === 0) return -120;
  return Math.max(-120, 10 * Math.log10(sum / n / (32768 * 32768)));
}

/**
 * Energy VAD with an adaptive noise floor and endpointing, on 20 ms frames of hub PCM.
 * Times are audio time (samples seen), so results do not depend on how fast audio arrives.
 */
export class Endpointer {
  private floorDb: number | undefined;
  /** Mean |frame − floor| (dB) of the frames outside speech, and how many it has learnt from. */
  private spreadDb: number | undefined;
  private spreadFrames = 0;
  /** Frames in a row under the start margin while a candidate run is going on. */
  private dipFrames = 0;
  /** The candidate run's frames (dB over the floor): learnt as noise if the run turns out not to be speech. */
  private runOffsets: number[] = [];
  private inSpeech = false;
  private carry = Buffer.alloc(0);
  private framesSeen = 0;
  /** Recent frames kept while idle: pre-roll plus a not-yet-confirmed speech run. */
  private history: Buffer[] = [];
  private candidateFrames = 0;
  private speechFrames = 0;
  private silentFrames = 0;

  constructor(private readonly config: VadConfig) {}

  get noiseFloorDb(): number | undefined {
    return this.floorDb;
  }

  /**
   * dB over the noise floor that starts speech now: `startMarginDb`, lowered toward `minStartMarginDb` while the
   * noise is steady (its frames stay close to the floor), so speech a few dB over a steady noise still starts.
   */
  get startMarginDb(): number {
    const { startMarginDb, minStartMarginDb } = this.config;
    if (this.spreadDb === undefined) return startMarginDb;
    return Math.min(startMarginDb, Math.max(minStartMarginDb, SPREAD_MARGIN * this.spreadDb));
  }

  get speaking(): boolean {
    return this.inSpeech;
  }

  /** How long the speech has been silent (audio time); 0 outside speech. */
  get silentMs(): number {
    return this.inSpeech ? this.silentFrames * FRAME_MS : 0;
  }

  /** Feeds PCM of any length; returns what happened, in order. */
  process(pcm: Buffer): VadEvent[] {
    const events: VadEvent[] = [];
    let data = this.carry.length > 0 ? Buffer.concat([this.carry, pcm]) : pcm;
    let offset = 0;
    for (; offset + FRAME_BYTES <= data.length; offset += FRAME_BYTES) {
      this.frame(data.subarray(offset, offset + FRAME_BYTES), events);
    }
    this.carry = Buffer.from(data.subarray(offset));
    data = Buffer.alloc(0);
    return events;
  }

  /** The input ended: closes an open utterance (with what is left over) and resets. */
  finish(): VadEvent[] {
    const events: VadEvent[] = [];
    if (this.inSpeech) {
      if (this.carry.length > 0) events.push({ type: 'audio', pcm: this.carry });
      events.push({ type: 'end', atMs: this.nowMs(), reason: 'input_ended' });
    }
    this.carry = Buffer.alloc(0);
    this.resetUtterance();
    return events;
  }

  private nowMs(): number {
    return this.framesSeen * FRAME_MS;
  }

  private frame(frame: Buffer, events: VadEvent[]): void {
    const db = frameDb(frame);
    this.framesSeen++;
    const floor = this.floorDb ?? Math.max(db, this.config.minFloorDb);
    if (this.inSpeech) {
      events.push({ type: 'audio', pcm: frame });
      this.speechFrames++;
      // The stop margin falls with the start margin, or speech over steady noise would end at its first soft syllable.
      const stopMargin = (this.config.stopMarginDb * this.startMarginDb) / this.config.startMarginDb;
      if (db > floor + stopMargin) this.silentFrames = 0;
      else this.silentFrames++;
      if (this.silentFrames * FRAME_MS >= this.config.trailingSilenceMs) {
        events.push({ type: 'end', atMs: this.nowMs(), reason: 'silence' });
        this.resetUtterance();
      } else if (this.speechFrames * FRAME_MS >= this.config.maxUtteranceMs) {
        events.push({ type: 'end', atMs: this.nowMs(), reason: 'max_length' });
        this.resetUtterance();
      }
      return;
    }
    this.history.push(frame);
    if (db > floor + this.startMarginDb) {
      this.candidateFrames++;
      this.dipFrames = 0;
      this.runOffsets.push(db - floor);
    } else if (this.candidateFrames > 0 && this.dipFrames === 0) {
      // One frame (20 ms) under the margin inside a run of speech does not restart it: in noise, a syllable's
      // energy dips that briefly; a click does not last long enough to need it.
      this.dipFrames = 1;
      this.runOffsets.push(db - floor);
    } else {
      for (const off of this.runOffsets) this.learnSpread(off);
      this.runOffsets = [];
      this.learnSpread(db - floor);
      this.candidateFrames = 0;
      this.dipFrames = 0;
      this.adaptFloor(db, floor);
    }
    const keep = Math.round(this.config.preRollMs / FRAME_MS) + this.candidateFrames;
    if (this.history.length > keep) this.history.splice(0, this.history.length - keep);
    if (this.candidateFrames * FRAME_MS >= this.config.minSpeechMs) {
      this.inSpeech = true;
      this.speechFrames = this.history.length;
      this.silentFrames = 0;
      events.push({
        type: 'start',
        atMs: this.nowMs() - this.history.length * FRAME_MS,
        pcm: Buffer.concat(this.history),
      });
      this.history = [];
      this.candidateFrames = 0;
    }
  }

  private adaptFloor(db: number, floor: number): void {
    const rate = db < floor ? FLOOR_FALL : FLOOR_RISE;
    this.floorDb = Math.max(this.config.minFloorDb, floor + rate * (db - floor));
  }

  /**
   * Learnt from every frame outside speech, bursts that did not become speech too: learning only from frames under
   * the margin would lower the margin, which hides more bursts, which lowers it further.
   */
  private learnSpread(offDb: number): void {
    const spread = this.spreadDb ?? this.config.startMarginDb / SPREAD_MARGIN;
    // A plain mean over the first frames (a recording has only a few hundred ms before the speech), starting from
    // SPREAD_PRIOR_FRAMES frames' worth of the spread where the margin is startMarginDb; then a running one.
    this.spreadFrames++;
    const rate = Math.max(SPREAD_RATE, 1 / (this.spreadFrames + SPREAD_PRIOR_FRAMES));
    this.spreadDb = spread + rate * (Math.abs(offDb) - spread);
  }

  private resetUtterance(): void {
    this.inSpeech = false;
    this.history = [];
    this.candidateFrames = 0;
    this.dipFrames = 0;
    this.runOffsets = [];
    this.speechFrames = 0;
    this.silentFrames = 0;
  }
}
