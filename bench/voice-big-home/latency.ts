/**
 * Voice latency and memory in a big home: the built hub (`hearth start --config test/phrasings/household.yaml`,
 * 115 devices, SQLite, embedded aedes) in a child process, every device's simulated firmware connected over MQTT,
 * one simulated satellite per room streaming espeak-ng commands in real time (20 ms chunks).
 * Two ways an utterance ends:
 *   - `satellite`: the satellite's own endpointer sends audio_end 150 ms after the speech;
 *   - `hub-vad`: the satellite keeps streaming silence and the hub's VAD ends the utterance (voice.vad.trailingSilenceMs).
 * Latency: end of speech (its place in the stream) → the simulated device receives the command on its set topic.
 * The hub's voice log gives the split (endpoint → transcript, understanding, skill). RSS from /proc/<pid>/status.
 *   npm run build && npx tsx bench/voice-big-home/latency.ts [--rounds 1] [--commands N] [--vad 40] [--voices en-us:160,en-gb:175]
 *     [--voice '{"vad":{"completeSilenceMs":120}}']
 * `--commands N`: only every k-th satellite command, N in all (a slice for a loaded machine). `--voice`: the hub's
 * voice settings over the defaults.
 * Writes bench/results/voice-big-home.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { SimulatedSatellite } from '../../firmware-sim/devices/satellite/satellite.js';
import { SimulatedDevice } from '../../firmware-sim/index.js';
import { runHouseholdOn } from '../../test/harness/household.js';
import { apiCall } from '../../test/harness/hub.js';
import { SpeechSynth, type SynthesisedSpeech } from '../../test/harness/speech.js';
import { HOUSEHOLD_FILE } from '../../test/phrasings/lib/household.js';
import { type BigHomeCommand, bigHomeCommands } from './commands.js';
import { simulatedHousehold, spawnBigHomeHub } from './household.js';
import { percentile, procStatusMb, round1 } from './stats.js';
import { cliArg } from '../cli-arg.js';
import { loadNow, machine } from '../machine.js';

const ROUNDS = Number(cliArg('--rounds', '1'));
const VAD_UTTERANCES = Number(cliArg('--vad', '40'));
const COMMANDS = Number(cliArg('--commands', 'Infinity'));
const VOICES = cliArg('--voices', 'en-us:160,en-gb:175,en-us+m3:145')
  .split(',')
  .map((v) => {
    const [voice, speed] = v.split(':');
    return { voice: voice!, speed: Number(speed) };
  });
const SATELLITE_TAIL_MS = 150;
const VAD_TAIL_MS = 1500;
const WARM_UP = 5;
/** How long the hub may take to log an utterance before the bench moves on. */
const HUB_DONE_MS = 60_000;
/** After the hub logged it, how long the command may still take to reach the device over MQTT. */
const DELIVERY_MS = 1000;

const voiceSettings = JSON.parse(cliArg('--voice', '{}')) as Record<string, unknown>;
const { hub, work } = await spawnBigHomeHub('hearth-big-home-', 120_000, voiceSettings);
const pid = hub.child.pid!;
const api = (method: string, path: string, body?: unknown) =>
  apiCall(hub.runtime.http.url, hub.token, method, path, body);
const loadBefore = loadNow();

const { definition: home, registered } = simulatedHousehold(HOUSEHOLD_FILE);
const house = await runHouseholdOn(hub, home);
const native = new Set([...house.devices].filter(([, d]) => d instanceof SimulatedDevice).map(([id]) => id));
const allCommands = bigHomeCommands(home, native);
const step = Math.max(1, Math.floor(allCommands.length / Math.min(COMMANDS, allCommands.length)));
const commands = allCommands.filter((_, i) => i % step === 0).slice(0, COMMANDS);

// Which device got a command, and when: the firmware's own 'command' event on its set topic.
const received: { deviceId: string; at: number }[] = [];
for (const id of native)
  (house.devices.get(id) as SimulatedDevice).on('command', () =>
    received.push({ deviceId: id, at: performance.now() }),
  );

const satellites = new Map<string, SimulatedSatellite>();
for (const area of home.areas) {
  const id = `bench-sat-${area.id}`;
  await api('POST', '/devices', {
    id,
    name: `bench satellite ${area.id}`,
    area: area.id,
    type: 'sensor',
    capabilities: [],
  });
  const credential = (await api('POST', `/devices/${id}/credentials`, {})).body;
  const satellite = new SimulatedSatellite({ id, url: hub.runtime.mqtt.url, ...credential, reconnectPeriodMs: 0 });
  await satellite.start();
  satellites.set(area.id, satellite);
}

const synth = new SpeechSynth();
await synth.start();
type Mode = 'satellite' | 'hub-vad';
interface Outcome {
  mode: Mode;
  text: string;
  voice: string;
  /** End of speech → the right device got the command; undefined when it did not (by the time the hub had logged it, plus a second). */
  ms?: number;
  /** The last audio chunk (audio_end follows it) → the same. */
  fromLastChunkMs?: number;
  wrongDevice?: string;
  heard?: string;
  /** How many utterances its satellite had sent before (a satellite's first ones are decoded from their own mean). */
  satelliteHeard: number;
}
/** Utterances each satellite has sent, warm-up included. */
const sent = new Map<string, number>();

async function speak(command: BigHomeCommand, voice: { voice: string; speed: number }, mode: Mode): Promise<Outcome> {
  const tail = mode === 'satellite' ? SATELLITE_TAIL_MS : VAD_TAIL_MS;
  const clip: SynthesisedSpeech = await synth.say(command.text, {
    ...voice,
    silenceBeforeMs: 200,
    silenceAfterMs: tail,
  });
  const satellite = satellites.get(command.area)!;
  const satelliteHeard = sent.get(command.area) ?? 0;
  sent.set(command.area, satelliteHeard + 1);
  const from = received.length;
  const logBefore = (await lastLogEntry())?.id ?? 0;
  const streamed = satellite.streamWav(clip.wav);
  const report = await streamed;
  // The stream is paced from its start: audio position t leaves at about start + t.
  const speechEndAt = report.lastChunkAt - (report.audioMs - clip.speechEndMs);
  // The next command waits until the hub has logged this one (it acts before it logs), so a hub slower than real
  // time is measured as slow, not as missing, and no backlog of queued utterances builds up: with a fixed 10 s wait a
  // slow hub's commands were counted as misses and each read the previous utterance's log entry.
  const entry = await logEntryAfter(logBefore, HUB_DONE_MS);
  const settle = performance.now() + DELIVERY_MS;
  const hitOf = () => received.slice(from).find((r) => r.deviceId === command.deviceId);
  while (!hitOf() && performance.now() < settle) await new Promise((r) => setTimeout(r, 5));
  const hit = hitOf();
  await satellite.nextReply(3000).catch(() => undefined);
  const wrong = received.slice(from).find((r) => r.deviceId !== command.deviceId);
  return {
    mode,
    text: command.text,
    voice: `${voice.voice}@${voice.speed}`,
    satelliteHeard,
    ...(hit ? { ms: hit.at - speechEndAt, fromLastChunkMs: hit.at - report.lastChunkAt } : {}),
    ...(wrong ? { wrongDevice: wrong.deviceId } : {}),
    ...(entry ? { heard: entry.transcript } : { heard: '(no log entry: no speech heard, or the hub still busy)' }),
  };
}

async function lastLogEntry(): Promise<{ id: number; transcript: string } | undefined> {
  return ((await api('GET', '/voice/log?limit=1')).body as { id: number; transcript: string }[])[0];
}

/** The hub's log entry for the utterance after `id`; undefined if none comes within `ms` (no speech is not logged). */
async function logEntryAfter(id: number, ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const last = await lastLogEntry();
    if (last && last.id > id) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

// Warm-up (not counted): the grammar is rebuilt after the registry changed; wait until commands land.
for (let i = 0, landed = 0; landed < WARM_UP; i++) {
  if (i > 40) throw new Error('no warm-up command reached its device in 40 tries: is the grammar loaded?');
  if ((await speak(commands[i % commands.length]!, VOICES[0]!, 'satellite')).ms !== undefined) landed++;
}
const rssWarm = procStatusMb(pid, 'VmRSS');
const logBefore = (await api('GET', '/voice/log?limit=1')).body as { id: number }[];

const outcomes: Outcome[] = [];
for (let round = 0; round < ROUNDS; round++)
  for (const [i, command] of commands.entries()) {
    outcomes.push(await speak(command, VOICES[(i + round) % VOICES.length]!, 'satellite'));
    if (outcomes.length % 20 === 0) console.error(`  ${outcomes.length} utterances`);
  }
for (let i = 0; i < VAD_UTTERANCES; i++)
  outcomes.push(await speak(commands[(i * 7) % commands.length]!, VOICES[i % VOICES.length]!, 'hub-vad'));
const rssAfter = procStatusMb(pid, 'VmRSS');

const log = (
  (await api('GET', `/voice/log?limit=${outcomes.length + 10}`)).body as {
    id: number;
    timings: Record<string, number>;
  }[]
).filter((e) => e.id > (logBefore[0]?.id ?? 0));
const split = (key: string) => {
  const values = log.map((e) => e.timings[key] ?? 0);
  return { p50: round1(percentile(values, 50)), p95: round1(percentile(values, 95)) };
};
const summary = (mode: Mode) => {
  const mine = outcomes.filter((o) => o.mode === mode);
  const ms = mine.flatMap((o) => (o.ms === undefined ? [] : [o.ms]));
  const after = (first: boolean) =>
    mine.flatMap((o) => (o.ms === undefined || (o.satelliteHeard === 0) !== first ? [] : [o.ms]));
  const fromLastChunk = mine.flatMap((o) => (o.fromLastChunkMs === undefined ? [] : [o.fromLastChunkMs]));
  return {
    utterances: mine.length,
    reachedDevice: ms.length,
    wrongDevice: mine.filter((o) => o.wrongDevice).length,
    endOfSpeechToDeviceMs: {
      p50: round1(percentile(ms, 50)),
      p95: round1(percentile(ms, 95)),
      min: round1(Math.min(...ms)),
      max: round1(Math.max(...ms)),
    },
    /** A satellite's very first utterance (a new source: decoded from its own mean after the endpoint) and the rest. */
    endOfSpeechToDeviceBySatelliteMs: Object.fromEntries(
      [true, false].map((first) => {
        const values = after(first);
        const key = first ? 'first' : 'later';
        return [key, { n: values.length, p50: round1(percentile(values, 50)), p95: round1(percentile(values, 95)) }];
      }),
    ),
    lastChunkToDeviceMs: { p50: round1(percentile(fromLastChunk, 50)), p95: round1(percentile(fromLastChunk, 95)) },
    missed: mine
      .filter((o) => o.ms === undefined || o.wrongDevice)
      .map((o) => `${o.text} (${o.voice}) heard "${o.heard ?? ''}"${o.wrongDevice ? ` → ${o.wrongDevice}` : ''}`),
  };
};
const results = {
  household: {
    file: 'test/phrasings/household.yaml',
    devices: registered,
    simulated: home.devices.length,
    spokenTo: native.size,
  },
  voices: VOICES,
  voiceSettings,
  noise: 'none (espeak-ng, clean)',
  satelliteEndpoint: summary('satellite'),
  hubVadEndpoint: summary('hub-vad'),
  hubVoiceLogSplitMs: {
    endpointToTranscript: split('sttMs'),
    understanding: split('nluMs'),
    makingSure: split('checkMs'),
    skill: split('skillMs'),
    endpointToReply: split('totalMs'),
    decoderCpu: split('recognizerMs'),
  },
  hubRssMb: { afterWarmUp: round1(rssWarm), afterRun: round1(rssAfter), peak: round1(procStatusMb(pid, 'VmHWM')) },
  targets: { p50Ms: 150, p95Ms: 300, rssMb: 200 },
  machine: machine(loadBefore),
};
console.log(JSON.stringify(results, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/voice-big-home.json', `${JSON.stringify(results, null, 2)}\n`);

for (const satellite of satellites.values()) await satellite.stop();
await house.stop();
hub.child.kill('SIGTERM');
await hub.exited;
await synth.stop();
rmSync(work, { recursive: true, force: true });
