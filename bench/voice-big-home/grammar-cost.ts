/**
 * What a big home's grammar costs the decoder: the same espeak-ng commands decoded in this process by pocketsphinx on
 * the grammar the hub builds for the furnished example home (config/example-household.yaml) and for the 113-device
 * held-out household (test/phrasings/household.yaml), the two grammars taking turns clip by clip so machine load
 * falls on both alike. Reports decoder CPU per second of audio (real-time factor), the tail after the endpoint
 * (feeding as fast as it decodes) and this process's RSS after each grammar is loaded.
 *   npx tsx bench/voice-big-home/grammar-cost.ts [--clips 40]   → bench/results/voice-grammar-cost.json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parse } from 'yaml';
import { silentLogger } from '../../hub/core/logger.js';
import { bufferSource } from '../../hub/voice/audio/pcm.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import { jsgfWords } from '../../hub/voice/recognizers/types.js';
import { startTestHub } from '../../test/harness/hub.js';
import { SpeechSynth } from '../../test/harness/speech.js';
import { until } from '../../test/harness/until.js';
import { HOUSEHOLD_FILE } from '../../test/phrasings/lib/household.js';
import { bigHomeCommands } from './commands.js';
import { simulatedHousehold } from './household.js';
import { percentile, round1 } from './stats.js';

const CLIPS = Number(process.argv.includes('--clips') ? process.argv[process.argv.indexOf('--clips') + 1] : 40);
const loadBefore = loadavg();

/** The JSGF a hub builds (wake phrase included) for a household config. */
async function hubGrammar(config: Record<string, unknown>, marker: string): Promise<string> {
  const hub = await startTestHub({
    config: { ...config, voice: { recognizer: 'pocketsphinx', tts: { enabled: false } } },
  });
  try {
    await until(
      () => hub.hub.voice().loadedGrammar()?.jsgf?.includes(marker) === true,
      `the ${marker} grammar`,
      120_000,
    );
    return hub.hub.voice().loadedGrammar()!.jsgf!;
  } finally {
    await hub.stop();
  }
}

const grammars = {
  'example home (config/example-household.yaml)': await hubGrammar(
    parse(readFileSync('config/example-household.yaml', 'utf8')) as Record<string, unknown>,
    'hearth_wake',
  ),
  '113-device household (test/phrasings/household.yaml)': await hubGrammar(
    parse(readFileSync(HOUSEHOLD_FILE, 'utf8')) as Record<string, unknown>,
    'porch',
  ),
};

const { definition } = simulatedHousehold(HOUSEHOLD_FILE);
const commands = bigHomeCommands(definition, new Set(definition.devices.map((d) => d.id)));
const synth = new SpeechSynth();
await synth.start();
const clips = [];
for (let i = 0; i < CLIPS; i++)
  clips.push(await synth.say(commands[(i * 5) % commands.length]!.text, { voice: 'en-us', speed: 160 }));

const config = voiceConfigSchema.parse({});
const results: Record<string, unknown> = {};
const recognizers = new Map<string, PocketsphinxRecognizer>();
for (const [name, jsgf] of Object.entries(grammars)) {
  const before = process.memoryUsage().rss;
  const recognizer = new PocketsphinxRecognizer({ ...config.pocketsphinx, log: silentLogger });
  await recognizer.start();
  await recognizer.setGrammar({ jsgf });
  recognizers.set(name, recognizer);
  results[name] = {
    jsgfBytes: Buffer.byteLength(jsgf),
    words: jsgfWords(jsgf).length,
    rssAddedMb: round1((process.memoryUsage().rss - before) / 1048576),
  };
}
const runs = new Map<string, { rtf: number[]; tailMs: number[]; exact: number }>();
for (const [i, clip] of clips.entries())
  for (const [name, recognizer] of recognizers) {
    const run = runs.get(name) ?? { rtf: [], tailMs: [], exact: 0 };
    runs.set(name, run);
    const session = recognizer.startUtterance({ source: `bench-${name}`, standalone: true });
    const t0 = performance.now();
    for await (const chunk of bufferSource(clip.pcm, { chunkMs: 20 }).chunks()) session.feed(chunk);
    const fed = performance.now();
    const result = await session.end();
    run.tailMs.push(performance.now() - fed);
    run.rtf.push((performance.now() - t0) / (clip.pcm.length / 32));
    run.exact += result.text === clips[i]!.text.toLowerCase() ? 1 : 0;
  }
for (const [name, run] of runs)
  Object.assign(results[name] as object, {
    realTimeFactor: {
      p50: Math.round(percentile(run.rtf, 50) * 1000) / 1000,
      p95: Math.round(percentile(run.rtf, 95) * 1000) / 1000,
    },
    tailAfterLastChunkMs: { p50: round1(percentile(run.tailMs, 50)), p95: round1(percentile(run.tailMs, 95)) },
    exactTranscripts: `${run.exact}/${clips.length}`,
  });
const out = {
  clips: `${CLIPS} espeak-ng en-us 160 wpm commands ("turn on the <device>" / "open the <cover>"), fed in 20 ms chunks as fast as decoded, standalone`,
  grammars: results,
  machine: {
    cpus: cpus().length,
    node: process.version,
    loadBefore: loadBefore.map(round1),
    loadAfter: loadavg().map(round1),
  },
};
console.log(JSON.stringify(out, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/voice-grammar-cost.json', `${JSON.stringify(out, null, 2)}\n`);
for (const recognizer of recognizers.values()) await recognizer.stop();
await synth.stop();
