/**
 * Hearth's Wyoming server as Home Assistant uses it, timed from the reference Python client
 * (test/fixtures/wyoming/client.py): a hub in this process (pocketsphinx on the firmware-sim household's
 * grammar, espeak-ng), the client in a child process per request.
 *   transcribe: espeak-ng commands streamed as 1024-sample audio-chunks paced like a microphone; the client
 *     times audio-stop → transcript (the audio is decoded while it streams, so little is left at the end)
 *   the same clips streamed as fast as the socket takes them, for comparison
 * Python start-up is not in the numbers (the client times its own socket).
 *   npx tsx bench/wyoming-server.ts [clips=10]
 * Writes bench/results/wyoming-server.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { runHouseholdOn } from '../test/harness/household.js';
import { startTestHub } from '../test/harness/hub.js';
import { SpeechSynth, synthesiseAll } from '../test/harness/speech.js';
import { HOUSEHOLD_VOICE_COMMANDS } from '../test/harness/voice-commands.js';
import { runPy } from '../test/harness/wyoming-py.js';
import { tunedHousehold } from '../test/harness/tuned-household.js';

const CLIPS = Number(process.argv[2] ?? 10);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
const summary = (v: number[]) => ({
  p50: Math.round(median(v) * 10) / 10,
  max: Math.round(Math.max(...v) * 10) / 10,
  n: v.length,
});

const hub = await startTestHub({ config: { wyoming: { server: { enabled: true, host: '127.0.0.1', port: 0 } } } });
const house = await runHouseholdOn(hub, tunedHousehold);
await hub.hub.voice().refreshGrammar();
const uri = `tcp://127.0.0.1:${hub.hub.wyoming().serverPort()}`;
const synth = new SpeechSynth();
await synth.start();
const cases = HOUSEHOLD_VOICE_COMMANDS.filter((c) => c.device).slice(0, CLIPS);
const clips = await synthesiseAll(
  synth,
  cases.map((c) => ({ text: c.text, voice: 'en-us', speed: 160, silenceAfterMs: 400 })),
  2,
);

async function transcribe(path: string, realtime: boolean) {
  const run = await runPy('client.py', [uri, 'transcribe', path, '1024', ...(realtime ? ['realtime'] : [])]);
  const line = run.json[0];
  if (!line || typeof line.stop_to_transcript_ms !== 'number')
    throw new Error(`client.py failed: ${run.stdout}\n${run.stderr}`);
  return line as { transcript: string; stop_to_transcript_ms: number };
}

const realtime: number[] = [];
const burst: number[] = [];
let right = 0;
for (const [i, clip] of clips.entries()) {
  const paced = await transcribe(clip.wavPath, true);
  realtime.push(paced.stop_to_transcript_ms);
  if (paced.transcript === cases[i]!.text) right++;
  burst.push((await transcribe(clip.wavPath, false)).stop_to_transcript_ms);
}

const result = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10) },
  clips: clips.length,
  transcriptsExact: right,
  stopToTranscriptMs: { realtime: summary(realtime), burst: summary(burst) },
};
console.log(JSON.stringify(result, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/wyoming-server.json', `${JSON.stringify(result, null, 2)}\n`);
await house.stop();
await hub.stop();
await synth.stop();
