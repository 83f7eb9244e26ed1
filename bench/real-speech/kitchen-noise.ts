/**
 * A kitchen's background, made with sox (no recording in the repo): an extractor fan (low-passed brown noise), a
 * fridge's hum (100/200/300 Hz), a tap running for a while (band-passed white noise with a flutter) and now and then
 * a plate or a spoon (short bright bursts). 60 s, 16 kHz mono 16-bit; the level is set later by the SNR mix.
 * `decode.ts --noise kitchen` makes it once under the cache dir.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SOX_HUB_PCM } from '../../hub/voice/audio/wav.js';

const run = promisify(execFile);
const SECONDS = 60;
/** Where the clatters fall (s), spread unevenly as they are in a kitchen. */
const CLATTERS = [2.1, 5.7, 9.3, 13.8, 17.2, 22.5, 26.9, 31.4, 33.0, 38.6, 44.1, 47.5, 52.8, 57.3];

export async function kitchenNoise(dir: string): Promise<string> {
  const out = join(dir, 'kitchen-noise-v1.wav');
  if (existsSync(out)) return out;
  const work = await mkdtemp(join(tmpdir(), 'hearth-kitchen-'));
  try {
    const part = (name: string) => join(work, `${name}.wav`);
    const synth = (name: string, ...effects: string[]) =>
      run('sox', ['-R', '-n', ...SOX_HUB_PCM, part(name), 'synth', ...effects]);
    await synth('fan', String(SECONDS), 'brownnoise', 'lowpass', '400', 'vol', '0.5');
    await synth('hum', String(SECONDS), 'sine', '100', 'vol', '0.05');
    await synth('hum2', String(SECONDS), 'sine', '200', 'vol', '0.03');
    await synth('hum3', String(SECONDS), 'sine', '300', 'vol', '0.02');
    // The tap runs from 12 s to 40 s.
    await synth('tap-core', '28', 'whitenoise', 'bandpass', '3000', '2500h', 'tremolo', '9', '30', 'vol', '0.25');
    await run('sox', ['-R', part('tap-core'), part('tap'), 'pad', '12', String(SECONDS - 40)]);
    await synth('burst', '0.12', 'whitenoise', 'highpass', '2000', 'fade', 'q', '0.002', '0.12', '0.11', 'vol', '0.8');
    // One after the other (sox -m would scale each of many inputs down): silence, a burst, silence, a burst…
    const pieces: string[] = [];
    for (const [i, at] of CLATTERS.entries()) {
      const piece = part(`clatter-${i}`);
      const until = CLATTERS[i + 1] ?? SECONDS;
      await run('sox', ['-R', part('burst'), piece, 'pad', i === 0 ? String(at) : '0', (until - at - 0.12).toFixed(2)]);
      pieces.push(piece);
    }
    await run('sox', ['-R', ...pieces, part('clatter')]);
    const mixed = part('kitchen');
    await run('sox', [
      '-R',
      '-m',
      ...['fan', 'hum', 'hum2', 'hum3', 'tap', 'clatter'].map(part),
      ...SOX_HUB_PCM,
      mixed,
      'trim',
      '0',
      String(SECONDS),
    ]);
    await rename(mixed, out);
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
