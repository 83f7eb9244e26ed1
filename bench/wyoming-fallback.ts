/**
 * How fast Hearth falls back from Wyoming speech services to its local engines, and comes back.
 * A hub in this process (pocketsphinx, espeak-ng) uses stand-in STT and TTS services written with the
 * reference Python library (test/fixtures/wyoming); each round brings the services up, lets one command
 * use them, then stops them (connection refused) or makes the STT hang, and times the next command:
 *   sttMs   end of speech → transcript (the pipeline's own timing; WAV uploads are decoded at the end)
 *   totalMs end of speech → reply ready (understanding, the device command, the spoken reply)
 * against the same clips decoded by the local engines with the services known to be down.
 * Also: how long after a service comes back Hearth uses it again (`wyoming.client.retryMinMs`).
 *   npx tsx bench/wyoming-fallback.ts [rounds=8]
 * Writes bench/results/wyoming-fallback.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { runHouseholdOn } from '../test/harness/household.js';
import { startTestHub } from '../test/harness/hub.js';
import { SpeechSynth } from '../test/harness/speech.js';
import { startPyServer, type PyServer } from '../test/harness/wyoming-py.js';
import { tunedHousehold } from '../test/harness/tuned-household.js';

const ROUNDS = Number(process.argv[2] ?? 8);
const CLIENT = { connectTimeoutMs: 1000, replyTimeoutMs: 1500, localHedgeMs: 500, retryMinMs: 200, retryMaxMs: 400 };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
const round = (v: number) => Math.round(v);
const summary = (v: number[]) => ({
  p50: round(median(v)),
  max: round(Math.max(...v)),
  min: round(Math.min(...v)),
  n: v.length,
});

const [sttPort, ttsPort] = [await freePort(), await freePort()];
const standins = { stt: undefined as PyServer | undefined, tts: undefined as PyServer | undefined };
async function up(hang = false) {
  await Promise.all([standins.stt?.stop(), standins.tts?.stop()]);
  [standins.stt, standins.tts] = await Promise.all([
    startPyServer('stt_server.py', [
      '--port',
      String(sttPort),
      '--text',
      'turn on the kitchen light',
      ...(hang ? ['--delay-ms', '600000'] : []),
    ]),
    startPyServer('tts_server.py', ['--port', String(ttsPort)]),
  ]);
}
async function down() {
  await Promise.all([standins.stt?.stop(), standins.tts?.stop()]);
  standins.stt = standins.tts = undefined;
}

await up();
const hub = await startTestHub({
  config: {
    voice: { stt: { wyoming: `tcp://127.0.0.1:${sttPort}` }, tts: { wyoming: `tcp://127.0.0.1:${ttsPort}` } },
    wyoming: { client: CLIENT },
  },
});
const house = await runHouseholdOn(hub, tunedHousehold);
await hub.hub.voice().refreshGrammar();
const synth = new SpeechSynth();
await synth.start();
const clip = await synth.say('turn on the bedroom light');
const statusOf = async (name: string) => (await hub.api('GET', '/status')).body.components[name] as { status: string };
const usedAgain = async () => {
  const t0 = performance.now();
  while ((await statusOf('wyoming-stt')).status !== 'ok' || (await statusOf('wyoming-tts')).status !== 'ok')
    await new Promise((r) => setTimeout(r, 10));
  return performance.now() - t0;
};
const command = () => hub.hub.voice().handleWav(clip.wav);

const remote: number[] = [];
const refusedStt: number[] = [];
const refusedTotal: number[] = [];
const localStt: number[] = [];
const localTotal: number[] = [];
const hungStt: number[] = [];
const comeback: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  await up();
  comeback.push(await usedAgain());
  remote.push((await command()).timings.totalMs);
  await down();
  const first = await command(); // the services refuse: this utterance falls back
  refusedStt.push(first.timings.sttMs);
  refusedTotal.push(first.timings.totalMs);
  const after = await command(); // known down: straight to the local engines
  localStt.push(after.timings.sttMs);
  localTotal.push(after.timings.totalMs);
}
for (let i = 0; i < ROUNDS; i++) {
  await up(true);
  await usedAgain();
  hungStt.push((await command()).timings.sttMs);
}
await down();

const result = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10) },
  client: CLIENT,
  clip: { text: clip.text, voice: 'en-us', speechMs: round(clip.speechEndMs) },
  ms: {
    remoteTotal: summary(remote),
    refusedFallbackStt: summary(refusedStt),
    refusedFallbackTotal: summary(refusedTotal),
    localStt: summary(localStt),
    localTotal: summary(localTotal),
    refusedOverheadStt: round(median(refusedStt) - median(localStt)),
    refusedOverheadTotal: round(median(refusedTotal) - median(localTotal)),
    hungFallbackStt: summary(hungStt),
    usedAgainAfterRestart: summary(comeback),
  },
};
console.log(JSON.stringify(result, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/wyoming-fallback.json', `${JSON.stringify(result, null, 2)}\n`);
await house.stop();
await hub.stop();
await synth.stop();
