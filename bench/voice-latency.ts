/**
 * Voice latency on this machine, end to end through a real hub in a child process:
 * a simulated satellite streams espeak-ng commands in real time (20 ms chunks), then audio_end
 * (the satellite's own endpoint, as a push-to-talk release). Measured from the moment the last
 * audio chunk is published to the moment the device command arrives on the device's set topic
 * (the simulated device's own 'command' event). Also: recognition real-time factor (from the
 * hub's voice log) and the hub's RSS with the recogniser loaded (/proc/<pid>/status).
 *   npm run build && npx tsx bench/voice-latency.ts [utterances=60]
 * Writes bench/results/voice-latency.json.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { SimulatedSatellite } from '../firmware-sim/devices/satellite/satellite.js';
import { SimulatedDevice } from '../firmware-sim/index.js';
import { runHouseholdOn } from '../test/harness/household.js';
import { apiCall, spawnHubProcess, tempDataDir } from '../test/harness/hub.js';
import { SpeechSynth, synthesiseAll } from '../test/harness/speech.js';
import { HOUSEHOLD_VOICE_COMMANDS } from '../test/harness/voice-commands.js';
import { DICTIONARY_IDLE_MS } from '../hub/language/grammar/dictionary.js';
import { tunedHousehold } from '../test/harness/tuned-household.js';

const UTTERANCES = Number(process.argv[2] ?? 60);
const VOICES = [
  { voice: 'en-us', speed: 160 },
  { voice: 'en-gb', speed: 175 },
  { voice: 'en-us+m3', speed: 145 },
];

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(field))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const round = (v: number) => Math.round(v * 10) / 10;

const dataDir = tempDataDir('hearth-voice-bench-');
const hub = await spawnHubProcess(dataDir, [], 20_000, 'build'); // as `npm start` runs it: built, with bin/hearth.js's flags
const pid = hub.child.pid!;
const api = (method: string, path: string, body?: unknown) =>
  apiCall(hub.runtime.http.url, hub.token, method, path, body);
const house = await runHouseholdOn(hub, tunedHousehold);

const commands = HOUSEHOLD_VOICE_COMMANDS.filter((c) => c.device);
await api('POST', '/devices', {
  id: 'bench-satellite',
  name: 'bench satellite',
  area: 'hallway',
  type: 'sensor',
  capabilities: [],
});
const satCredential = (await api('POST', '/devices/bench-satellite/credentials', {})).body;
// The simulated device says when a command reaches it on its set topic (the broker ACL keeps other clients off that topic).
let waiting: { deviceId: string; resolve: (at: number) => void } | undefined;
for (const id of new Set(commands.map((c) => c.device!.id))) {
  const device = house.devices.get(id);
  if (!(device instanceof SimulatedDevice)) throw new Error(`household device ${id} is not a native simulated device`);
  device.on('command', () => {
    if (waiting?.deviceId === id) waiting.resolve(performance.now());
  });
}

const satellite = new SimulatedSatellite({
  id: 'bench-satellite',
  url: hub.runtime.mqtt.url,
  username: satCredential.username,
  password: satCredential.password,
  reconnectPeriodMs: 0,
});
await satellite.start();
await new Promise((r) => setTimeout(r, 1000)); // the hub rebuilds its grammar after the registry changed (debounced)
const rssLoaded = rssMb(pid, 'VmRSS');

const synth = new SpeechSynth();
await synth.start();
const cases = Array.from({ length: UTTERANCES }, (_, i) => ({
  ...commands[i % commands.length]!,
  ...VOICES[Math.floor(i / commands.length) % VOICES.length]!,
}));
// A short tail after the speech: the satellite's own endpointer would send audio_end about here.
const clips = await synthesiseAll(
  synth,
  cases.map((c) => ({ text: c.text, voice: c.voice, speed: c.speed, silenceBeforeMs: 200, silenceAfterMs: 150 })),
  2,
);

const latencies: number[] = [];
let missed = 0;
for (const [i, c] of cases.entries()) {
  const commandSeen = new Promise<number | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 8000);
    waiting = {
      deviceId: c.device!.id,
      resolve: (at) => {
        clearTimeout(timer);
        resolve(at);
      },
    };
  });
  const streamed = await satellite.streamWav(clips[i]!.wav);
  const at = await commandSeen;
  waiting = undefined;
  if (at === undefined) missed++;
  else latencies.push(at - streamed.lastChunkAt);
  await satellite.nextReply(5000).catch(() => undefined);
}

const rssAfterRun = rssMb(pid, 'VmRSS');
// Quiet for a while, as a home hub mostly is: idle trims and the pronouncing dictionary's release have happened.
await new Promise((r) => setTimeout(r, DICTIONARY_IDLE_MS + 2000));
const rssAtRest = rssMb(pid, 'VmRSS');
const log = (await api('GET', `/voice/log?limit=${UTTERANCES}`)).body as {
  timings: { recognizerMs: number; audioMs: number };
}[];
const decoderMs = log.reduce((s, e) => s + e.timings.recognizerMs, 0);
const audioMs = log.reduce((s, e) => s + e.timings.audioMs, 0);
const results = {
  utterances: UTTERANCES,
  commandsSeen: latencies.length,
  missed,
  lastAudioToDeviceCommandMs: {
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    max: round(Math.max(...latencies)),
    min: round(Math.min(...latencies)),
  },
  recognitionRealTimeFactor: Math.round((decoderMs / audioMs) * 1000) / 1000,
  hubRssMb: {
    withRecognizerLoaded: round(rssLoaded),
    afterRun: round(rssAfterRun),
    atRest: round(rssAtRest),
    peak: round(rssMb(pid, 'VmHWM')),
  },
  targets: { p50Ms: 150, p95Ms: 300, rssMb: 150 },
  machine: { cpus: cpus().length, node: process.version },
  method:
    'child-process hub (hearth start), firmware-sim household, simulated satellite streaming espeak-ng speech in real time with audio_end after a 150 ms tail; latency ends when the simulated device receives the command on its set topic',
};
console.log(JSON.stringify(results, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/voice-latency.json', `${JSON.stringify(results, null, 2)}\n`);

await satellite.stop();
await house.stop();
hub.child.kill('SIGTERM');
await hub.exited;
await synth.stop();
rmSync(dataDir, { recursive: true, force: true });
