/**
 * Hearth as a Wyoming server, with the reference Python client (the `wyoming` package Home Assistant
 * uses) as its peer, against a real hub (pocketsphinx, grammar from the live templates) and the
 * firmware-sim household on the hub's broker.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHousehold } from '../../firmware-sim/index.js';
import { parseWav } from '../../hub/voice/audio/wav.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { SpeechSynth, type SynthesisedSpeech } from '../harness/speech.js';
import { until } from '../harness/until.js';
import { runPy } from '../harness/wyoming-py.js';
import { runHouseholdOn } from '../harness/household.js';
import { tunedHousehold } from '../harness/tuned-household.js';

let hub: TestHub;
let house: RunningHousehold;
let uri: string;
let dir: string;
const synth = new SpeechSynth();
let command: SynthesisedSpeech;

async function postWav(wav: Buffer, query = '') {
  const res = await fetch(`${hub.runtime.http.url}/api/v1/voice${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'audio/wav' },
    body: wav,
  });
  return (await res.json()) as { transcript: string; intent?: { name: string; slots: Record<string, unknown> } };
}

async function client(...args: string[]) {
  const run = await runPy('client.py', [uri, ...args]);
  if (run.code !== 0 || run.json.length === 0)
    throw new Error(`client.py ${args.join(' ')} failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run.json[0]!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-wyoming-server-'));
  await synth.start();
  const speech = synth.say('turn on the kitchen light');
  hub = await startTestHub({ config: { wyoming: { server: { enabled: true, host: '127.0.0.1', port: 0 } } } });
  house = await runHouseholdOn(hub, tunedHousehold);
  await hub.hub.voice().refreshGrammar(); // the household's devices arrived just now; do not wait for the debounce
  uri = `tcp://127.0.0.1:${hub.hub.wyoming().serverPort()}`;
  command = await speech;
}, 120_000);

afterAll(async () => {
  await house?.stop();
  await hub?.stop();
  await synth.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Hearth as a Wyoming server, driven by the reference client', () => {
  it('describe: info lists asr, intent, handle and tts as Home Assistant reads them', async () => {
    const { info, ha } = await client('describe');
    expect(info.asr[0]).toMatchObject({ name: 'Hearth', installed: true, requires_external_vad: true });
    expect(info.asr[0].models[0]).toMatchObject({ name: 'pocketsphinx-household', installed: true, languages: ['en'] });
    expect(info.intent[0].models[0]).toMatchObject({ installed: true, languages: ['en'] });
    expect(info.handle[0]).toMatchObject({ installed: true, supports_home_control: true });
    expect(info.tts[0].voices.map((v: { name: string }) => v.name)).toEqual(['en-us']);
    expect(info.wake).toEqual([]);
    expect(info.satellite).toBeNull();
    // What Home Assistant's integration would set up from it.
    expect(ha).toEqual({ stt: ['en'], tts: ['en-us'], conversation: ['en'] });
    const status = (await hub.api('GET', '/status')).body;
    expect(status.components['wyoming-server']).toMatchObject({ status: 'ok' });
  });

  it('a spoken WAV streamed as audio-chunks gives the transcript and intent POST /voice gives', async () => {
    const viaApi = await postWav(command.wav, '?dryRun=true');
    const { transcript } = await client('transcribe', command.wavPath);
    expect(transcript).toBe('turn on the kitchen light');
    expect(transcript).toBe(viaApi.transcript);
    const { intent } = await client('recognize', transcript);
    expect(intent).toEqual({ name: viaApi.intent!.name, entities: viaApi.intent!.slots, text: null });
    expect(intent.name).toBe('HassTurnOn');
  });

  it('recognize: HA-named intent with its entities, and not-recognized for nonsense; nothing is done', async () => {
    const before = (await hub.api('GET', '/devices/bedroom-light')).body.state.on;
    const { intent } = await client('recognize', 'set the bedroom light to thirty percent');
    expect(intent).toMatchObject({ name: 'HassLightSet', entities: { name: 'bedroom light', brightness: 30 } });
    expect((await hub.api('GET', '/devices/bedroom-light')).body.state.on).toBe(before);
    const miss = await client('recognize', 'the purple elephant sings opera');
    expect(miss.not_recognized).toMatch(/^Sorry, I didn't understand that/);
  });

  it("a transcript is handled: the real device changes and Hearth's reply comes back", async () => {
    const { handled } = await client('handle', 'Turn on the kettle.');
    expect(handled).toBeTruthy();
    await until(async () => (await hub.api('GET', '/devices/kettle')).body.state.on === true, 'the kettle to be on');
    const refused = await client('handle', 'the purple elephant sings opera');
    expect(refused.not_handled).toMatch(/didn't understand/);
  });

  it('synthesize returns playable 16 kHz audio: the recogniser hears the sentence in it', async () => {
    const out = join(dir, 'reply.wav');
    // One sentence through Hearth's TTS and back through its recogniser. espeak's "turn off the kitchen light" at this rate
    // decodes as "turn on …" with the grammar of issue 14's sentences (and as "do not do it" with some others); the
    // sentence tests the audio path, not that acoustic pair (voice-household.test.ts measures recognition).
    const { audio } = await client('synthesize', 'turn on the kitchen light', out);
    expect(audio).toMatchObject({ rate: 16000, width: 2, channels: 1 });
    expect(audio.chunks).toBeGreaterThan(3);
    const wav = readFileSync(out);
    expect(parseWav(wav).data.length).toBe(audio.bytes);
    const heard = await postWav(wav, '?dryRun=true');
    expect(heard.transcript).toBe('turn on the kitchen light');
  });
});
