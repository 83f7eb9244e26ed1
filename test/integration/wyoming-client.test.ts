/**
 * Hearth as a Wyoming client: stand-in STT and TTS services written with the reference Python library
 * (test/fixtures/wyoming) in place of whisper and piper, a real hub with pocketsphinx and espeak-ng
 * behind them, and the firmware-sim household on the hub's broker. The services are stopped, hung and
 * restarted to see Hearth fall back to its local engines and come back.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHousehold } from '../../firmware-sim/index.js';
import { runCli } from '../../hub/cli/main.js';
import { parseWav } from '../../hub/voice/audio/wav.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { SpeechSynth, type SynthesisedSpeech } from '../harness/speech.js';
import { until } from '../harness/until.js';
import { startPyServer, type PyServer } from '../harness/wyoming-py.js';
import { runHouseholdOn } from '../harness/household.js';
import { tunedHousehold } from '../harness/tuned-household.js';

const STANDIN_TEXT = 'Turn on the kitchen light.';
let hub: TestHub;
let house: RunningHousehold;
let stt: PyServer;
let tts: PyServer;
let sttPort: number;
let ttsPort: number;
const synth = new SpeechSynth();
let bedroomOn: SynthesisedSpeech;
let bedroomOff: SynthesisedSpeech;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const startStt = (port: number, extra: string[] = []) =>
  startPyServer('stt_server.py', ['--port', String(port), '--text', STANDIN_TEXT, ...extra]);
const startTts = (port: number) => startPyServer('tts_server.py', ['--port', String(port), '--tone-hz', '440']);

/** Zero crossings per second / 2: the stand-in's 440 Hz tone, or speech (espeak-ng), which is far from a steady 440. */
function toneHz(wav: Buffer): number {
  const pcm = parseWav(wav).data;
  let crossings = 0;
  for (let i = 2; i + 1 < pcm.length; i += 2) if (pcm.readInt16LE(i - 2) < 0 !== pcm.readInt16LE(i) < 0) crossings++;
  return crossings / 2 / (pcm.length / 2 / 16000);
}

async function state(id: string) {
  return (await hub.api('GET', `/devices/${id}`)).body.state as Record<string, unknown>;
}

async function status(name: string) {
  return (await hub.api('GET', '/status')).body.components[name] as { status: string; detail: string };
}

beforeAll(async () => {
  await synth.start();
  const speech = Promise.all([synth.say('turn on the bedroom light'), synth.say('turn off the bedroom light')]);
  [sttPort, ttsPort] = [await freePort(), await freePort()];
  [stt, tts] = await Promise.all([startStt(sttPort), startTts(ttsPort)]);
  hub = await startTestHub({
    config: {
      voice: {
        stt: { wyoming: `tcp://127.0.0.1:${sttPort}` },
        tts: { wyoming: `tcp://127.0.0.1:${ttsPort}`, wyomingVoice: 'standin-voice' },
      },
      wyoming: { client: { connectTimeoutMs: 1000, replyTimeoutMs: 1500, retryMinMs: 200, retryMaxMs: 400 } },
    },
  });
  house = await runHouseholdOn(hub, tunedHousehold);
  await hub.hub.voice().refreshGrammar();
  [bedroomOn, bedroomOff] = await speech;
}, 120_000);

afterAll(async () => {
  await Promise.all([stt?.stop(), tts?.stop()]);
  await house?.stop();
  await hub?.stop();
  await synth.stop();
});

describe('Hearth using Wyoming speech services', () => {
  it('uses the external STT: its free-form transcript goes through the same understanding as typed text', async () => {
    await until(async () => /answering/.test((await status('wyoming-stt')).detail), 'the STT service to be probed');
    expect((await status('wyoming-stt')).detail).toMatch(/standin-whisper: standin-model/);
    // Said "bedroom"; the stand-in always answers "Turn on the kitchen light." — so the kitchen light proves whose transcript acted.
    const result = await hub.hub.voice().handleWav(bedroomOn.wav);
    expect(result.transcript).toBe('turn on the kitchen light');
    expect(result.intent).toMatchObject({ name: 'HassTurnOn', slots: { name: 'kitchen light' } });
    await until(async () => (await state('kitchen-light')).on === true, 'the kitchen light to turn on');
    expect((await state('bedroom-light')).on).not.toBe(true);
    const received = (await stt.waitFor((l) => l.transcribed)).transcribed;
    expect(received).toMatchObject({ language: 'en', format: [16000, 2, 1] });
    expect(received.bytes).toBeGreaterThan(16000); // the spoken part, VAD-trimmed: over half a second of 16 kHz s16le

    // The reply was spoken by the TTS service (its tone, resampled from 22.05 kHz to the hub's 16 kHz).
    expect((await tts.waitFor((l) => l.synthesize)).synthesize).toEqual({ text: result.reply, voice: 'standin-voice' });
    expect(parseWav(result.replyAudio!).sampleRate).toBe(16000);
    expect(toneHz(result.replyAudio!)).toBeGreaterThan(430);
    expect(toneHz(result.replyAudio!)).toBeLessThan(450);
  });

  it('falls back to pocketsphinx and espeak-ng at once when the services stop, says so, and returns to them when they are back', async () => {
    await Promise.all([stt.stop(), tts.stop()]);
    const result = await hub.hub.voice().handleWav(bedroomOn.wav);
    expect(result.transcript).toBe('turn on the bedroom light');
    await until(async () => (await state('bedroom-light')).on === true, 'the bedroom light to turn on');
    // A refused connection hands over at once (the status names ECONNREFUSED, not a timeout);
    // wall-clock fallback times are measured in bench/wyoming-fallback.ts, not here.
    expect(toneHz(result.replyAudio!)).not.toBeCloseTo(440, -1); // espeak-ng speech, not the stand-in's tone
    const sttStatus = await status('wyoming-stt');
    expect(sttStatus.status).toBe('degraded');
    expect(sttStatus.detail).toMatch(/unreachable since .*ECONNREFUSED.*the local pocketsphinx serves instead/);
    expect((await status('wyoming-tts')).detail).toMatch(/espeak-ng serves instead/);
    expect((await hub.api('GET', '/status')).body.missing).toEqual(
      expect.arrayContaining(['wyoming-stt', 'wyoming-tts']),
    );
    const printed: string[] = [];
    const io = {
      out: (l: string) => void printed.push(l),
      err: (l: string) => void printed.push(l),
      env: {},
      cwd: process.cwd(),
    };
    expect(await runCli(['status', '--url', hub.runtime.http.url, '--token', hub.token], io)).toBe(0);
    expect(printed.join('\n')).toMatch(/wyoming-stt +degraded +tcp:\/\/127\.0\.0\.1:\d+ is unreachable since/);

    [stt, tts] = await Promise.all([startStt(sttPort), startTts(ttsPort)]);
    await until(
      async () => (await status('wyoming-stt')).status === 'ok' && (await status('wyoming-tts')).status === 'ok',
      'the services to be found again',
    );
    const back = await hub.hub.voice().handleWav(bedroomOff.wav);
    expect(back.transcript).toBe('turn on the kitchen light'); // the stand-in's text again
    expect(toneHz(back.replyAudio!)).toBeGreaterThan(430);
  });

  it('gives up on an STT service that accepts audio but never answers after replyTimeoutMs', async () => {
    await stt.stop();
    stt = await startStt(sttPort, ['--delay-ms', '60000']);
    await until(async () => (await status('wyoming-stt')).status === 'ok', 'the hanging service to be probed');
    const result = await hub.hub.voice().handleWav(bedroomOn.wav, { dryRun: true });
    expect(result.transcript).toBe('turn on the bedroom light');
    // The reply timeout was waited out, then the kept audio decoded locally (generous bound: a loaded CI machine).
    expect(result.timings.sttMs).toBeGreaterThanOrEqual(1500);
    expect(result.timings.sttMs).toBeLessThan(30_000); // the service would answer after 60 s
    expect((await status('wyoming-stt')).detail).toMatch(/no answer from .* within 1500 ms/);
  });
});
