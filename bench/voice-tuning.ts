/**
 * Tunes pocketsphinx on espeak-ng speech: exact-transcript accuracy of decoder settings, each run
 * in two orders (forward and reversed) so order-dependent results show up.
 *   npx tsx bench/voice-tuning.ts
 * Also measures the cepstral mean of the speech it hears: run it on recordings of your microphone for a
 * fixed `voice.pocketsphinx.cmnInit` (the default adapts per source instead).
 * Writes bench/results/voice-tuning.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { silentLogger } from '../hub/core/logger.js';
import { bufferSource } from '../hub/voice/audio/pcm.js';
import { voiceConfigSchema } from '../hub/voice/config.js';
import { PocketsphinxRecognizer, type PocketsphinxOptions } from '../hub/voice/recognizers/pocketsphinx.js';
import { HOUSEHOLD_JSGF, HOUSEHOLD_SENTENCES, SpeechSynth, synthesiseAll } from '../test/harness/speech.js';
import { transcriptPipeline } from '../test/harness/transcript-pipeline.js';

const VOICES = [
  { voice: 'en-us', speed: 150 },
  { voice: 'en-gb', speed: 175 },
  { voice: 'en-us', speed: 180 },
  { voice: 'en-us+m3', speed: 140 },
];

const config = voiceConfigSchema.parse({});
const synth = new SpeechSynth();
await synth.start();
const cases = VOICES.flatMap((v) => HOUSEHOLD_SENTENCES.map((text) => ({ text, ...v })));
const clips = await synthesiseAll(synth, cases, 3);

type Variant = { name: string } & Partial<PocketsphinxOptions>;

async function run(variant: Variant, order: number[]): Promise<{ exact: number; misses: string[]; means: number[][] }> {
  const recognizer = new PocketsphinxRecognizer({ ...config.pocketsphinx, log: silentLogger, ...variant });
  await recognizer.start();
  await recognizer.setGrammar({ jsgf: HOUSEHOLD_JSGF });
  const pipeline = transcriptPipeline(recognizer, config);
  let exact = 0;
  const misses: string[] = [];
  const means: number[][] = [];
  for (const i of order) {
    const clip = clips[i]!;
    const result = await pipeline.handleUtterance(bufferSource(clip.pcm, { chunkMs: 20 }));
    if (result.transcript === clip.text) exact++;
    else misses.push(`${cases[i]!.voice}@${cases[i]!.speed} "${clip.text}" → "${result.transcript}"`);
    const mean = recognizer.cepstralMean();
    if (mean) means.push(mean);
  }
  await recognizer.stop();
  return { exact, misses, means };
}

const forward = clips.map((_, i) => i);
const reversed = [...forward].reverse();
// The running mean after each utterance, with the library carrying it over: the mean of those is espeak speech's mean.
const measured = await run({ name: 'measure', cmn: 'carry' }, forward);
const espeakMean = measured.means[0]!.map(
  (_, k) => Math.round((measured.means.reduce((sum, m) => sum + m[k]!, 0) / measured.means.length) * 100) / 100,
);

const variants: Variant[] = [
  { name: 'adaptive per source (default)' },
  { name: 'carry (library running mean)', cmn: 'carry' },
  { name: 'seed: model cmninit', cmn: 'seed' },
  { name: 'seed: espeak mean', cmn: 'seed', cmnInit: espeakMean },
  { name: 'seed: espeak mean, -lw 8', cmn: 'seed', cmnInit: espeakMean, args: { '-lw': '8' } },
  {
    name: 'seed: espeak mean, -fillprob 1e-2 -silprob 0.1',
    cmn: 'seed',
    cmnInit: espeakMean,
    args: { '-fillprob': '1e-2', '-silprob': '0.1' },
  },
  {
    name: 'seed: espeak mean, wide beams 1e-80',
    cmn: 'seed',
    cmnInit: espeakMean,
    args: { '-beam': '1e-80', '-pbeam': '1e-80', '-wbeam': '1e-60' },
  },
];
const results = [];
for (const variant of variants) {
  const a = await run(variant, forward);
  const b = await run(variant, reversed);
  const row = {
    variant: variant.name,
    utterances: clips.length,
    forward: a.exact / clips.length,
    reversed: b.exact / clips.length,
    misses: a.misses,
  };
  console.log(
    `${variant.name.padEnd(50)} forward ${(row.forward * 100).toFixed(1)} %  reversed ${(row.reversed * 100).toFixed(1)} %`,
  );
  for (const miss of a.misses) console.log(`    ${miss}`);
  results.push(row);
}
await synth.stop();
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/voice-tuning.json', `${JSON.stringify({ espeakMean, results }, null, 2)}\n`);
console.log('espeak cepstral mean:', espeakMean.join(','));
