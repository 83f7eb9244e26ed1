import type { VadConfig } from './config.js';
import { BYTES_PER_MS } from './audio/pcm.js';

export const FRAME_MS = 20;
const FRAME_BYTES = FRAME_MS * BYTES_PER_MS;
/** The floor falls quickly (noise went away) and rises slowly (so speech does not raise it). */
const FLOOR_FALL = 0.25;
const FLOOR_RISE = 0.03;

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

  get speaking(): boolean {
    return this.inSpeech;
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
      if (db > floor + this.config.stopMarginDb) this.silentFrames = 0;
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
    if (db > floor + this.config.startMarginDb) this.candidateFrames++;
    else {
      this.candidateFrames = 0;
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

  private resetUtterance(): void {
    this.inSpeech = false;
    this.history = [];
    this.candidateFrames = 0;
    this.speechFrames = 0;
    this.silentFrames = 0;
  }
}
