/**
 * Recognition speed on this machine: espeak-ng utterances through VAD + streaming pocketsphinx + JSGF.
 *   npx tsx bench/voice-recognition.ts
 * Reports real-time factor (decoder time / audio time), latency from the endpoint (last audio byte
 * of the utterance) to the transcript, accuracy, and RSS with the recogniser loaded.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { silentLogger } from '../hub/core/logger.js';
import { bufferSource } from '../hub/voice/audio/pcm.js';
import { voiceConfigSchema } from '../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../hub/voice/recognizers/pocketsphinx.js';
import { HOUSEHOLD_JSGF, HOUSEHOLD_SENTENCES, SpeechSynth } from '../test/harness/speech.js';
import { transcriptPipeline } from '../test/harness/transcript-pipeline.js';

const VOICES = [
  { voice: 'en-us', speed: 150 },
  { voice: 'en-gb', speed: 175 },
  { voice: 'en-us', speed: 180 },
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const config = voiceConfigSchema.parse({});
const synth = new SpeechSynth();
await synth.start();
const rssBefore = process.memoryUsage().rss;
const recognizer = new PocketsphinxRecognizer({ ...config.pocketsphinx, log: silentLogger });
const loadStart = performance.now();
await recognizer.start();
await recognizer.setGrammar({ jsgf: HOUSEHOLD_JSGF });
const loadMs = performance.now() - loadStart;
const pipeline = transcriptPipeline(recognizer, config);

const endpointToTranscript: number[] = [];
let decoderMs = 0;
let audioMs = 0;
let exact = 0;
let total = 0;
for (const v of VOICES) {
  for (const sentence of HOUSEHOLD_SENTENCES) {
    const clip = await synth.say(sentence, v);
    const result = await pipeline.handleUtterance(bufferSource(clip.pcm, { chunkMs: 20 }));
    endpointToTranscript.push(result.timings.sttMs);
    decoderMs += result.timings.recognizerMs;
    audioMs += result.timings.audioMs;
    total++;
    if (result.transcript === sentence) exact++;
  }
}
const results = {
  utterances: total,
  exactTranscripts: exact,
  accuracy: exact / total,
  realTimeFactor: decoderMs / audioMs,
  endpointToTranscriptMs: {
    p50: percentile(endpointToTranscript, 50),
    p95: percentile(endpointToTranscript, 95),
    max: Math.max(...endpointToTranscript),
  },
  recognizerLoadMs: loadMs,
  rssMb: { beforeRecognizer: rssBefore / 1e6, withRecognizer: process.memoryUsage().rss / 1e6 },
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
};
console.log(JSON.stringify(results, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/voice-recognition.json', `${JSON.stringify(results, null, 2)}\n`);
await recognizer.stop();
await synth.stop();
