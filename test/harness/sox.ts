/** The sox steps that test and bench speech share, so a clip is made the same way wherever it is made. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SOX_HUB_PCM } from '../../hub/voice/audio/wav.js';

const run = promisify(execFile);

/** sox effects that cut espeak-ng's own silence from both ends, so the clip starts and stops with the voice. */
export const TRIM_ESPEAK_SILENCE: readonly string[] = [
  'silence',
  '1',
  '0.01',
  '0.3%',
  'reverse',
  'silence',
  '1',
  '0.01',
  '0.3%',
  'reverse',
];

/**
 * Runs sox with -R: resampling, mixing and noise dither with a random seed otherwise, and that noise in the last bit
 * was enough to turn "light" into "lights" now and then.
 */
export async function sox(...args: string[]): Promise<void> {
  await run('sox', ['-R', ...args]);
}

/** Converts any WAV to the hub's 16 kHz mono 16-bit PCM, applying `effects` on the way. */
export const soxToHubPcm = (from: string, to: string, ...effects: string[]) =>
  sox(from, ...SOX_HUB_PCM, to, ...effects);

/** Writes `seconds` of generated noise (`white` or `pink`) at sox volume `vol`, in the hub's PCM. */
export const soxNoise = (to: string, seconds: number, colour: 'white' | 'pink', vol: number) =>
  sox('-n', ...SOX_HUB_PCM, to, 'synth', seconds.toFixed(3), `${colour}noise`, 'vol', String(vol));
