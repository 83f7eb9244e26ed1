/**
 * Measures the noise estimate every pocketsphinx pass starts from (hub/voice/recognizers/pocketsphinx-noise-seed.ts):
 * the front end's estimate at the end of commands said in a quiet room, per mel filter the geometric mean over the
 * clips (the estimate spans five orders of magnitude across filters), the slow peak's arithmetic mean.
 *   npx tsx bench/voice-noise-seed.ts
 * Clips: clean espeak-ng commands in four voices, as the hub's VAD hands them on.
 * Prints the seed as TypeScript.
 */
import { silentLogger } from '../hub/core/logger.js';
import { bufferSource } from '../hub/voice/audio/pcm.js';
import { voiceConfigSchema } from '../hub/voice/config.js';
import type { NoiseState } from '../hub/voice/recognizers/pocketsphinx-noise.js';
import { PocketsphinxRecognizer } from '../hub/voice/recognizers/pocketsphinx.js';
import { HOUSEHOLD_JSGF, HOUSEHOLD_SENTENCES, SpeechSynth, synthesiseAll } from '../test/harness/speech.js';
import { transcriptPipeline } from '../test/harness/transcript-pipeline.js';

const VOICES = [
  { voice: 'en-us', speed: 160 },
  { voice: 'en-gb', speed: 175 },
  { voice: 'en-us+m3', speed: 145 },
  { voice: 'en-us+f3', speed: 185 },
];
const NOISE = [0];

const config = voiceConfigSchema.parse({});
const synth = new SpeechSynth();
await synth.start();
const cases = VOICES.flatMap((v, i) =>
  HOUSEHOLD_SENTENCES.filter((_, j) => j % VOICES.length === i).flatMap((text) =>
    NOISE.map((noise) => ({ text, ...v, ...(noise ? { noise } : {}) })),
  ),
);
const clips = await synthesiseAll(synth, cases, 2);
const recognizer = new PocketsphinxRecognizer({ ...config.pocketsphinx, log: silentLogger });
await recognizer.start();
await recognizer.setGrammar({ jsgf: HOUSEHOLD_JSGF });
const pipeline = transcriptPipeline(recognizer, config);
const states: NoiseState[] = [];
for (const clip of clips) {
  await pipeline.handleUtterance(bufferSource(clip.pcm, { name: `seed:${states.length}` }));
  const state = recognizer.noiseEstimate();
  if (!state) throw new Error('this sphinxbase build hides its noise estimate');
  states.push(state);
}
await recognizer.stop();
await synth.stop();

const geometric = (key: 'power' | 'noise' | 'floor' | 'peak') =>
  states[0]![key].map((_, k) =>
    Number(
      Math.exp(states.reduce((sum, s) => sum + Math.log(Math.max(s[key][k]!, 1e-6)), 0) / states.length).toPrecision(4),
    ),
  );
const seed = {
  power: geometric('power'),
  noise: geometric('noise'),
  floor: geometric('floor'),
  peak: geometric('peak'),
  slowPeakSum: Number((states.reduce((sum, s) => sum + s.slowPeakSum, 0) / states.length).toFixed(3)),
};
console.log(
  `// ${states.length} clips: ${VOICES.map((v) => `${v.voice}@${v.speed}`).join(', ')}; noise ${NOISE.join(', ')}`,
);
console.log(`export const NOISE_SEED: NoiseState = ${JSON.stringify(seed)};`);
