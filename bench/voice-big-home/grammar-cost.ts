/**
 * Where one utterance's time goes in the decoder, and what a big home's grammar costs: the same espeak-ng commands
 * decoded in this process by pocketsphinx on the grammar the hub builds for the furnished example home
 * (config/example-household.yaml) and for the 115-device held-out household (test/phrasings/household.yaml), the
 * decoders taking turns clip by clip so machine load falls on all alike. Two starts per grammar:
 *   - `warm source`: a satellite the hub already knows (its cepstral mean learnt): one pass, decoded as it arrives;
 *   - `standalone`: an upload or a source's first utterances: decoded again from its own mean after the endpoint.
 * Each is split into decoding while the audio arrives and, after the endpoint, the flush, the second pass and the
 * read (timed-library.ts). Optional decoder flag variants run on the 115-device grammar beside the defaults.
 * RSS: this process before the model, after it, after each grammar.
 *   npx tsx bench/voice-big-home/grammar-cost.ts [--clips 40] [--variants '{"narrow":{"-beam":"1e-30"}}']
 *   → bench/results/voice-grammar-cost.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { silentLogger } from '../../hub/core/logger.js';
import { bufferSource } from '../../hub/voice/audio/pcm.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import { jsgfWords } from '../../hub/voice/recognizers/types.js';
import { SpeechSynth, type SynthesisedSpeech } from '../../test/harness/speech.js';
import { HOUSEHOLD_FILE } from '../../test/phrasings/lib/household.js';
import { bigHomeCommands } from './commands.js';
import { BIG_HOME, benchGrammars } from './grammars.js';
import { simulatedHousehold } from './household.js';
import { percentile, round1 } from './stats.js';
import { type StageTimes, timeLibrary } from './timed-library.js';
import { cliArg } from '../cli-arg.js';
import { loadNow, machine } from '../machine.js';

const CLIPS = Number(cliArg('--clips', '40'));
const VARIANTS = JSON.parse(cliArg('--variants', '{}')) as Record<string, Record<string, string>>;
const WARM_UP = 3;
const CHUNK_MS = 20;
const loadBefore = loadNow();
const rssMb = () => process.memoryUsage().rss / 1048576;

const grammars = await benchGrammars();
const { definition } = simulatedHousehold(HOUSEHOLD_FILE);
const commands = bigHomeCommands(definition, new Set(definition.devices.map((d) => d.id)));
const synth = new SpeechSynth();
await synth.start();
const clips: SynthesisedSpeech[] = [];
for (let i = 0; i < CLIPS + WARM_UP; i++)
  clips.push(await synth.say(commands[(i * 5) % commands.length]!.text, { voice: 'en-us', speed: 160 }));

interface Decoder {
  name: string;
  recognizer: PocketsphinxRecognizer;
  timing: ReturnType<typeof timeLibrary>;
  memory: Record<string, number>;
}
const config = voiceConfigSchema.parse({});
const decoders: Decoder[] = [];
const setups = [
  ...Object.entries(grammars).map(([grammar, jsgf]) => ({ name: grammar, jsgf, args: {} })),
  ...Object.entries(VARIANTS).map(([variant, args]) => ({
    name: `${BIG_HOME} ${variant}`,
    jsgf: grammars[BIG_HOME]!,
    args,
  })),
];
for (const setup of setups) {
  const before = rssMb();
  const recognizer = new PocketsphinxRecognizer({ ...config.pocketsphinx, args: setup.args, log: silentLogger });
  await recognizer.start();
  const model = rssMb();
  await recognizer.setGrammar({ jsgf: setup.jsgf });
  decoders.push({
    name: setup.name,
    recognizer,
    timing: timeLibrary(recognizer),
    memory: {
      jsgfBytes: Buffer.byteLength(setup.jsgf),
      words: jsgfWords(setup.jsgf).length,
      modelRssMb: round1(model - before),
      grammarRssMb: round1(rssMb() - model),
    },
  });
}

type Start = 'warm source' | 'standalone';
interface Run {
  audioMs: number;
  stages: StageTimes;
  /** Wall time from the endpoint (audio_end after the last chunk) to the transcript. */
  tailMs: number;
  /** The free-phone pass behind RecognitionResult.margin (a confidence the hub asks for when a check needs it). */
  freePhonePassMs?: number;
  exact: boolean;
}
const runs = new Map<string, Run[]>();
async function decode(decoder: Decoder, clipIndex: number, start: Start): Promise<Run> {
  const clip = clips[clipIndex]!;
  const record = decoder.timing.begin();
  const session = decoder.recognizer.startUtterance(
    start === 'standalone' ? { source: 'upload', standalone: true } : { source: 'warm-satellite' },
  );
  for await (const chunk of bufferSource(clip.pcm, { chunkMs: CHUNK_MS }).chunks()) session.feed(chunk);
  record.afterEndpoint();
  const t0 = performance.now();
  const result = await session.end();
  const tailMs = performance.now() - t0;
  const taken = record.times();
  const stages = { ...taken, cpu: { ...taken.cpu } }; // before the free-phone pass: its calls are not the utterance's
  const t1 = performance.now();
  const measured = result.margin ? (await result.margin(), { freePhonePassMs: performance.now() - t1 }) : {};
  return {
    audioMs: clip.pcm.length / 32,
    stages,
    tailMs,
    ...measured,
    exact: result.text === clip.text.toLowerCase(),
  };
}

// The warm source learns its mean on clips that are not counted.
for (const decoder of decoders) for (let i = 0; i < WARM_UP; i++) await decode(decoder, i, 'warm source');
for (let i = WARM_UP; i < clips.length; i++)
  for (const decoder of decoders)
    for (const start of ['warm source', 'standalone'] as const) {
      const key = `${decoder.name} | ${start}`;
      runs.set(key, [...(runs.get(key) ?? []), await decode(decoder, i, start)]);
    }

const p = (values: number[]) => ({ p50: round1(percentile(values, 50)), p95: round1(percentile(values, 95)) });
const rtf = (values: number[]) => ({
  p50: Math.round(percentile(values, 50) * 1000) / 1000,
  p95: Math.round(percentile(values, 95) * 1000) / 1000,
});
const stagesOut: Record<string, unknown> = {};
for (const [key, list] of runs) {
  const stage = (k: Exclude<keyof StageTimes, 'cpu'>) => p(list.map((r) => r.stages[k]));
  const cpu = (k: keyof StageTimes['cpu']) => p(list.map((r) => r.stages.cpu[k]));
  stagesOut[key] = {
    decodeWhileSpeakingRtf: rtf(list.map((r) => r.stages.duringSpeechMs / r.audioMs)),
    worstChunkMs: stage('worstChunkMs'),
    afterEndpoint: {
      flushMs: stage('flushMs'),
      secondPassMs: stage('secondPassMs'),
      readMs: stage('readMs'),
      tailWallMs: p(list.map((r) => r.tailMs)),
      freePhonePassMs: p(list.flatMap((r) => (r.freePhonePassMs === undefined ? [] : [r.freePhonePassMs]))),
    },
    cpu: {
      decodeWhileSpeakingRtf: rtf(list.map((r) => r.stages.cpu.duringSpeechMs / r.audioMs)),
      flushMs: cpu('flushMs'),
      secondPassMs: cpu('secondPassMs'),
    },
    exactTranscripts: `${list.filter((r) => r.exact).length}/${list.length}`,
  };
}
const out = {
  clips: `${CLIPS} espeak-ng en-us 160 wpm commands ("turn on/off the <device>", "open/close the <cover>" of the 115-device household), fed in ${CHUNK_MS} ms chunks as fast as decoded; ${WARM_UP} more teach the warm source`,
  audioMs: p(clips.map((c) => c.pcm.length / 32)),
  decoders: Object.fromEntries(
    decoders.map((d) => [d.name, { ...d.memory, args: setups.find((s) => s.name === d.name)!.args }]),
  ),
  stages: stagesOut,
  processRssMb: round1(rssMb()),
  machine: machine(loadBefore),
};
console.log(JSON.stringify(out, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/voice-grammar-cost.json', `${JSON.stringify(out, null, 2)}\n`);
for (const decoder of decoders) await decoder.recognizer.stop();
await synth.stop();
