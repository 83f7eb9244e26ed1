/**
 * Does the hub's VAD start on speech in noise? The first 12 in-scope held-out DEV phrasings (never sealed), en-us at
 * 160 wpm, rendered clean and under pink/babble noise at 20/15/10 dB SNR (test/phrasings/voice/render.ts, cached),
 * each run through the hub's `Endpointer` with the default `voice.vad` config: how many clips start an utterance.
 * Then the real people's coffee orders (bench/real-speech, half a) clean and with the kitchen noise at 20 and 10 dB
 * SNR, mixed as `npm run eval:real-speech -- --noise kitchen` mixes it.
 * No recogniser: a clip the VAD never starts is heard as nothing whatever the decoder could do.
 *   npx tsx bench/voice-vad-noise.ts
 */
import { readFile } from 'node:fs/promises';
import { parseWav } from '../hub/voice/audio/wav.js';
import { voiceConfigSchema } from '../hub/voice/config.js';
import { loadDevClips, mixAtSnr } from './real-speech/dev-set.js';
import { kitchenNoise } from './real-speech/kitchen-noise.js';
import { Endpointer } from '../hub/voice/vad.js';
import { loadSplit } from '../test/phrasings/lib/cases.js';
import { inScope } from '../test/phrasings/lib/report.js';
import { renderClips, type SpokenCondition } from '../test/phrasings/voice/render.js';

const cases = loadSplit('dev')
  .filter((c) => inScope(c.kind))
  .slice(0, 12);
const vad = voiceConfigSchema.parse({}).vad;
const noises: (SpokenCondition['noise'] | undefined)[] = [
  undefined,
  ...(['pink', 'babble'] as const).flatMap((kind) => [20, 15, 10].map((snrDb) => ({ kind, snrDb }))),
];
const starts = (pcm: Buffer) => {
  const endpointer = new Endpointer(vad);
  return [...endpointer.process(pcm), ...endpointer.finish()].some((e) => e.type === 'start');
};
console.log(`voice.vad defaults: startMarginDb ${vad.startMarginDb}, minSpeechMs ${vad.minSpeechMs}`);
for (const noise of noises) {
  const clips = await renderClips(
    cases,
    cases.map(() => ({ voice: 'en-us', speed: 160, ...(noise ? { noise } : {}) })),
  );
  let started = 0;
  for (const clip of clips) if (starts(parseWav(await readFile(clip.wavPath)).data)) started++;
  console.log(
    `  ${noise ? `${noise.kind} ${noise.snrDb} dB` : 'clean'}: ${started}/${clips.length} clips start an utterance`,
  );
}

const cache = '/tmp/hearth-real-speech-cache';
const real = (await loadDevClips(cache)).filter((c) => c.half === 'a');
const kitchen = parseWav(await readFile(await kitchenNoise(cache))).data;
for (const snr of [undefined, 20, 10]) {
  const started = real.filter((clip, i) =>
    starts(snr === undefined ? clip.pcm : mixAtSnr(clip.pcm, kitchen, snr, i * 7919)),
  );
  console.log(
    `  real orders (half a) ${snr === undefined ? 'clean' : `kitchen ${snr} dB`}: ${started.length}/${real.length} start`,
  );
}
