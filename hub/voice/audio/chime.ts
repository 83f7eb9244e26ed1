/** The sound before a ring's words: three rising beeps, made here so no audio file ships with the hub. */
import { SAMPLE_RATE } from './pcm.js';

const BEEPS_HZ = [660, 880, 1100];
const BEEP_MS = 140;
const GAP_MS = 70;
const AMPLITUDE = 0.3 * 32767;

/** 16 kHz mono s16le PCM, about 0.75 s with a short silence after it. */
export function chimePcm(): Buffer {
  const samples: number[] = [];
  const beep = Math.round((SAMPLE_RATE * BEEP_MS) / 1000);
  const gap = Math.round((SAMPLE_RATE * GAP_MS) / 1000);
  for (const hz of BEEPS_HZ) {
    for (let i = 0; i < beep; i++) {
      // A 10 ms fade at both ends keeps the beep from clicking.
      const fade = Math.min(1, i / 160, (beep - i) / 160);
      samples.push(Math.round(Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE) * AMPLITUDE * fade));
    }
    for (let i = 0; i < gap; i++) samples.push(0);
  }
  for (let i = 0; i < gap * 2; i++) samples.push(0);
  const pcm = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => pcm.writeInt16LE(s, i * 2));
  return pcm;
}
