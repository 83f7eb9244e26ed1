/**
 * Does the hub's VAD start on speech in noise, and does it open on noise alone? The first 12 in-scope held-out DEV
 * phrasings (never sealed), en-us at 160 wpm, rendered clean and under pink/babble noise at 20/15/10 dB SNR
 * (test/phrasings/voice/render.ts, cached), each run through the hub's `Endpointer`: how many clips start an
 * utterance and how much of the clean clip's speech the first utterance holds. Then the real people's coffee orders
 * (bench/real-speech, half a) clean and with the kitchen noise at 20 and 10 dB SNR, mixed as
 * `npm run eval:real-speech -- --noise kitchen` mixes it. Last, noise alone (pink, the babble bed, the kitchen; 5 min
 * each at three levels): utterances opened per minute.
 * No recogniser: a clip the VAD never starts is heard as nothing whatever the decoder could do.
 *   npx tsx bench/voice-vad-noise.ts [--vad '{"name":{"minStartMarginDb":12}}']
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseWav } from '../hub/voice/audio/wav.js';
import { vadConfigSchema, type VadConfig } from '../hub/voice/config.js';
import { loadDevClips, mixAtSnr } from './real-speech/dev-set.js';
import { kitchenNoise } from './real-speech/kitchen-noise.js';
import { Endpointer } from '../hub/voice/vad.js';
import { loadSplit } from '../test/phrasings/lib/cases.js';
import { inScope } from '../test/phrasings/lib/report.js';
import { defaultCacheDir, renderClips, type SpokenCondition } from '../test/phrasings/voice/render.js';
import { cliArg } from './cli-arg.js';

const run = promisify(execFile);
const variants = JSON.parse(
  cliArg('--vad') ?? '{"fixed margin 12 dB (before)":{"minStartMarginDb":12},"defaults":{}}',
) as Record<string, Record<string, unknown>>;
const configs = Object.entries(variants).map(([name, v]) => [name, vadConfigSchema.parse(v)] as const);

/** Audio time (ms) the first utterance holds, 0 when none starts; and how many utterances start. */
function utterances(pcm: Buffer, config: VadConfig): { firstMs: number; starts: number } {
  const endpointer = new Endpointer(config);
  let starts = 0;
  let firstMs = 0;
  let open = false;
  for (let i = 0; i <= pcm.length; i += 3200) {
    const events = i < pcm.length ? endpointer.process(pcm.subarray(i, i + 3200)) : endpointer.finish();
    for (const e of events) {
      if (e.type === 'start') {
        starts++;
        open = starts === 1;
        if (open) firstMs += e.pcm.length / 32;
      } else if (e.type === 'audio' && open) firstMs += e.pcm.length / 32;
      else if (e.type === 'end') open = false;
    }
  }
  return { firstMs, starts };
}

const cases = loadSplit('dev')
  .filter((c) => inScope(c.kind))
  .slice(0, 12);
const noises: (SpokenCondition['noise'] | undefined)[] = [
  undefined,
  ...(['pink', 'babble'] as const).flatMap((kind) => [20, 15, 10].map((snrDb) => ({ kind, snrDb }))),
];
const rendered = await Promise.all(
  noises.map(async (noise) => {
    const clips = await renderClips(
      cases,
      cases.map(() => ({ voice: 'en-us', speed: 160, ...(noise ? { noise } : {}) })),
    );
    return { noise, pcm: await Promise.all(clips.map(async (c) => parseWav(await readFile(c.wavPath)).data)) };
  }),
);
const cache = '/tmp/hearth-real-speech-cache';
const real = (await loadDevClips(cache)).filter((c) => c.half === 'a');
const kitchen = parseWav(await readFile(await kitchenNoise(cache))).data;
const babblePath = join(defaultCacheDir(), 'babble-v1.wav');
const pinkPath = join(cache, 'pink-60s.wav');
if (!existsSync(pinkPath))
  await run('sox', ['-R', '-n', '-r', '16000', '-c', '1', '-b', '16', pinkPath, 'synth', '60', 'pinknoise']);
const alone: [string, Buffer][] = [
  ['pink', parseWav(await readFile(pinkPath)).data],
  ['babble', parseWav(await readFile(babblePath)).data],
  ['kitchen', kitchen],
];

for (const [name, config] of configs) {
  console.log(`${name}: startMarginDb ${config.startMarginDb}, minStartMarginDb ${config.minStartMarginDb}`);
  const cleanMs = rendered[0]!.pcm.map((pcm) => utterances(pcm, config).firstMs);
  for (const { noise, pcm } of rendered) {
    const heard = pcm.map((p) => utterances(p, config));
    const started = heard.filter((h) => h.starts > 0).length;
    // The first utterance's length against the clean clip's: under 1 the speech was cut, over 1 noise was added.
    const share = heard.map((h, i) => h.firstMs / Math.max(1, cleanMs[i]!)).sort((a, b) => a - b);
    console.log(
      `  ${noise ? `${noise.kind} ${noise.snrDb} dB` : 'clean'}: ${started}/${pcm.length} start; first utterance / clean one: min ${share[0]!.toFixed(2)} median ${share[share.length >> 1]!.toFixed(2)}`,
    );
  }
  for (const snr of [undefined, 20, 10]) {
    const started = real.filter(
      (clip, i) =>
        utterances(snr === undefined ? clip.pcm : mixAtSnr(clip.pcm, kitchen, snr, i * 7919), config).starts > 0,
    );
    console.log(
      `  real orders (half a) ${snr === undefined ? 'clean' : `kitchen ${snr} dB`}: ${started.length}/${real.length} start`,
    );
  }
  for (const [kind, noise] of alone) {
    const opens = [-50, -35, -20].map((levelDb) => {
      // Five minutes: the 40-60 s bed looped with a different gain wobble each pass, so no two passes are the same.
      const minutes = 5;
      const samples = minutes * 60 * 16000;
      const out = Buffer.alloc(samples * 2);
      const src = new Int16Array(noise.buffer, noise.byteOffset, noise.length >> 1);
      let sum = 0;
      for (const v of src) sum += v * v;
      const gain = (32768 * 10 ** (levelDb / 20)) / Math.sqrt(sum / src.length);
      for (let i = 0; i < samples; i++) {
        const pass = Math.floor(i / src.length);
        const wobble = 1 + 0.1 * Math.sin(i / 16000 + pass);
        out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(src[i % src.length]! * gain * wobble))), i * 2);
      }
      return `${levelDb} dBFS ${(utterances(out, config).starts / minutes).toFixed(1)}/min`;
    });
    console.log(`  ${kind} alone, utterances opened: ${opens.join(', ')}`);
  }
}
