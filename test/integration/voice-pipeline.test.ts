import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { WebSocket, WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../hub/core/clock.js';
import { silentLogger } from '../../hub/core/logger.js';
import { ExternalTransport } from '../../hub/mqtt/external-transport.js';
import { openDatabase, type Db } from '../../hub/store/database.js';
import { MqttSatellites, type SatelliteStream } from '../../hub/voice/audio/mqtt-satellites.js';
import { bufferSource } from '../../hub/voice/audio/pcm.js';
import { rawPcmSource } from '../../hub/voice/audio/raw-source.js';
import { satelliteTopics } from '../../hub/voice/audio/satellite-protocol.js';
import { parseWav, wavFileSource } from '../../hub/voice/audio/wav.js';
import { webSocketSatelliteSource } from '../../hub/voice/audio/ws-satellite.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { grammarWithWakePhrase, ListeningGate } from '../../hub/voice/listening.js';
import { VoicePipeline, type Understand, type HandledUtterance } from '../../hub/voice/pipeline.js';
import { EspeakTts } from '../../hub/voice/tts.js';
import { VoiceLog } from '../../hub/voice/voice-log.js';
import { HOUSEHOLD_JSGF, SpeechSynth } from '../harness/speech.js';
import { householdGrammarRecognizer } from '../harness/household-recognizer.js';

const config = voiceConfigSchema.parse({});
const synth = new SpeechSynth();
const recognizer = householdGrammarRecognizer(config.pocketsphinx);
let dir: string;
let db: Db;
let voiceLog: VoiceLog;
const heard: { text: string; area?: string; followUp: boolean }[] = [];

// Stands in for language + skills: asks a question back for "lock the car".
const understand: Understand = async (text, ctx): Promise<HandledUtterance> => {
  heard.push({ text, ...(ctx.area !== undefined ? { area: ctx.area } : {}), followUp: ctx.followUp });
  if (text === 'lock the car')
    return {
      intent: { name: 'HassTurnOn', slots: { name: 'car' } },
      reply: 'Which door?',
      actions: [],
      expectsReply: true,
    };
  return { intent: { name: 'Echo', slots: { text } }, reply: `You said ${text}.`, actions: [{ text }] };
};

function pipeline(
  overrides: {
    requireWakePhrase?: boolean;
    completeSilenceMs?: number;
    wholeCommand?: (command: string) => boolean;
  } = {},
) {
  const gate = new ListeningGate({
    wakePhrase: config.wakePhrase,
    requireWakePhrase: overrides.requireWakePhrase ?? true,
    followUpMs: config.followUpMs,
    clock: systemClock,
  });
  const tts = new EspeakTts({ ...config.tts, log: silentLogger });
  return new VoicePipeline({
    recognizer,
    understand,
    vad: { ...config.vad, completeSilenceMs: overrides.completeSilenceMs ?? null },
    ...(overrides.wholeCommand ? { wholeCommand: overrides.wholeCommand } : {}),
    gate,
    clock: systemClock,
    log: silentLogger,
    tts,
    voiceLog,
  });
}

/**
 * The recogniser adapts its cepstral mean per source name and keeps it, so audio passed as a bare
 * Buffer (source 'buffer') would be decoded differently depending on which tests spoke before:
 * each test names its own source and starts, like a new microphone, from the model's mean.
 */
function heardOn(source: string, pcm: Buffer) {
  return bufferSource(pcm, { name: source });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-voice-pipeline-'));
  db = openDatabase(join(dir, 'hub.db'));
  voiceLog = new VoiceLog({ db, clock: systemClock, retentionDays: 30, storeAudio: false });
  await voiceLog.start();
  await synth.start();
  await recognizer.start();
  await recognizer.setGrammar({
    jsgf: grammarWithWakePhrase(
      HOUSEHOLD_JSGF.replace(
        'public <utterance> = <wake> | <wake> <command> | <command>;',
        'public <utterance> = <command>;',
      ),
      'hey hearth',
    ),
  });
});
afterAll(async () => {
  await recognizer.stop();
  await synth.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('VoicePipeline (real pocketsphinx, espeak-ng, SQLite)', () => {
  it('WAV file with the wake phrase → command, reply text and audio, timings, voice log', async () => {
    const clip = await synth.say('hey hearth open the bedroom blinds', { silenceAfterMs: 900 });
    const result = await pipeline().handleUtterance(wavFileSource(clip.wavPath), { area: 'bedroom' });
    expect(result.transcript).toBe('hey hearth open the bedroom blinds');
    expect(result.trigger).toBe('wake_phrase');
    expect(heard.at(-1)).toEqual({ text: 'open the bedroom blinds', area: 'bedroom', followUp: false });
    expect(result.reply).toBe('You said open the bedroom blinds.');
    expect(parseWav(result.replyAudio!).sampleRate).toBe(16000);
    for (const key of ['sttMs', 'nluMs', 'skillMs', 'totalMs', 'recognizerMs'] as const)
      expect(result.timings[key]).toBeGreaterThanOrEqual(0);
    expect(result.timings.audioMs).toBeGreaterThan(1000);
    const [logged] = voiceLog.list({ limit: 1 });
    expect(logged).toMatchObject({
      transcript: 'hey hearth open the bedroom blinds',
      intent: 'Echo',
      area: 'bedroom',
      hasAudio: false,
    });
  });

  it('ignores a command without the wake phrase, then takes the answer to its own question as a follow-up', async () => {
    const p = pipeline();
    const mic = 'buffer:follow-up';
    const bare = await synth.say('pause the music');
    expect(await p.handleUtterance(heardOn(mic, bare.pcm))).toMatchObject({
      transcript: 'pause the music',
      ignored: 'no_wake_phrase',
      reply: '',
    });
    const ask = await synth.say('hey hearth lock the car');
    expect((await p.handleUtterance(heardOn(mic, ask.pcm), { area: 'garage' })).reply).toBe('Which door?');
    const answer = await synth.say('the kitchen one', { voice: 'en-us+f3' });
    const followUp = await p.handleUtterance(heardOn(mic, answer.pcm), { area: 'garage' });
    expect(followUp).toMatchObject({ transcript: 'the kitchen one', trigger: 'follow_up' });
    expect(heard.at(-1)?.followUp).toBe(true);
  });

  it('wake phrase alone opens the window; push-to-talk needs none', async () => {
    const p = pipeline();
    // On a brand-new source 'next song' decodes as 'cancel' whether or not the wake phrase came first
    // (a prior weight, a longer cold phase or not counting VAD padding did not fix it), so it has been heard
    // once before, as a household's would have; the test is about the listening window.
    const mic = 'buffer:wake-only';
    const earlier = await synth.say('pause the music');
    expect(await p.handleUtterance(heardOn(mic, earlier.pcm))).toMatchObject({
      transcript: 'pause the music',
      ignored: 'no_wake_phrase',
    });
    const wake = await synth.say('hey hearth');
    expect(await p.handleUtterance(heardOn(mic, wake.pcm))).toMatchObject({ ignored: 'wake_only' });
    const cmd = await synth.say('next song');
    expect(await p.handleUtterance(heardOn(mic, cmd.pcm))).toMatchObject({
      trigger: 'follow_up',
      transcript: 'next song',
    });
    expect(await p.handleUtterance(heardOn(mic, cmd.pcm), { pushToTalk: true })).toMatchObject({
      trigger: 'push_to_talk',
    });
  });

  it('a whole command ends at a short silence; words that are not one yet wait out the trailing silence', async () => {
    const whole = pipeline({
      completeSilenceMs: 120,
      wholeCommand: (command) => /^turn on the kitchen lights?$/.test(command),
    });
    const notYet = pipeline({ completeSilenceMs: 120, wholeCommand: () => false });
    const source = (pcm: Buffer) => bufferSource(pcm, { name: 'mic:whole-command', chunkMs: 20 });
    // A known source: a new one's words are only known at the endpoint.
    for (const words of ['set the thermostat to twenty one degrees', 'what is the temperature in the living room']) {
      const before = await synth.say(words);
      await whole.handleUtterance(source(before.pcm), { pushToTalk: true, dryRun: true });
    }
    const clip = await synth.say('turn on the kitchen light', { silenceAfterMs: 1500 });
    const early = await whole.handleUtterance(source(clip.pcm), { pushToTalk: true, dryRun: true });
    const late = await notYet.handleUtterance(source(clip.pcm), { pushToTalk: true, dryRun: true });
    // ("light" or "lights": espeak-ng's default voice is heard either way.)
    expect(early.transcript).toMatch(/^turn on the kitchen lights?$/);
    expect(late.transcript).toBe(early.transcript);
    // The trailing silence is 500 ms; the whole command stopped reading ~120 ms into it.
    expect(late.timings.audioMs - early.timings.audioMs).toBeGreaterThan(300);
  });

  it('silence gives no_speech and is not logged', async () => {
    const before = voiceLog.list().length;
    const result = await pipeline().handleUtterance(heardOn('buffer:silence', await synth.noise(1500, 0)));
    expect(result).toMatchObject({ transcript: '', ignored: 'no_speech' });
    expect(voiceLog.list()).toHaveLength(before);
  });

  it('a raw PCM stream, written while it is being decoded', async () => {
    const clip = await synth.say('close the office curtains', { voice: 'en-gb', speed: 175 });
    const stream = new PassThrough();
    const pending = pipeline({ requireWakePhrase: false }).handleUtterance(
      rawPcmSource(stream, { name: 'raw:office', area: 'office' }),
    );
    for (let i = 0; i < clip.pcm.length; i += 1999) stream.write(clip.pcm.subarray(i, i + 1999));
    stream.end();
    expect(await pending).toMatchObject({ transcript: 'close the office curtains', trigger: 'always' });
  });
});

describe('satellites', () => {
  let server: Server;
  let broker: Aedes;
  let url: string;
  beforeAll(async () => {
    broker = await Aedes.createBroker();
    server = createServer(broker.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `mqtt://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('MQTT: a satellite streams a command in real-time-sized chunks and gets the spoken reply back', async () => {
    const transport = new ExternalTransport({ url, log: silentLogger });
    await transport.start();
    const p = pipeline();
    const results: Promise<unknown>[] = [];
    const satellites = new MqttSatellites({
      transport,
      clock: systemClock,
      log: silentLogger,
      areaOf: (id) => (id === 'kitchen-sat' ? 'kitchen' : undefined),
      idleTimeoutMs: 5000,
      onStream: (stream: SatelliteStream) =>
        results.push(
          p.handleUtterance(stream).then(async (r) => {
            if (r.replyAudio) await satellites.speak(stream.satelliteId, r.replyAudio);
            return r;
          }),
        ),
    });
    await satellites.start();
    const sat = await mqtt.connectAsync(url, { protocolVersion: 4, clientId: 'kitchen-sat' });
    const reply = new Promise<Buffer>((resolve) => sat.on('message', (_t, payload) => resolve(payload)));
    await sat.subscribeAsync(satelliteTopics.tts('kitchen-sat'));
    const clip = await synth.say('hey hearth add milk to the shopping list');
    await sat.publishAsync(satelliteTopics.audio('kitchen-sat'), JSON.stringify({ type: 'audio_start' }));
    for (let i = 0; i < clip.pcm.length; i += 3200)
      await sat.publishAsync(satelliteTopics.audio('kitchen-sat'), clip.pcm.subarray(i, i + 3200));
    await sat.publishAsync(satelliteTopics.audio('kitchen-sat'), JSON.stringify({ type: 'audio_end' }));
    await vi.waitFor(() => expect(results).toHaveLength(1));
    expect(await results[0]).toMatchObject({ transcript: 'hey hearth add milk to the shopping list' });
    expect(heard.at(-1)).toMatchObject({ text: 'add milk to the shopping list', area: 'kitchen' });
    expect(parseWav(await reply).channels).toBe(1);
    await sat.endAsync();
    await satellites.stop();
    await transport.stop();
  });

  it('WebSocket: binary PCM frames, then {"type":"audio_end"}', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => wss.once('listening', resolve));
    const p = pipeline();
    const handled = new Promise((resolve) =>
      wss.once('connection', (socket) =>
        resolve(p.handleUtterance(webSocketSatelliteSource(socket, { satelliteId: 'hall-sat', area: 'hallway' }))),
      ),
    );
    const port = (wss.address() as { port: number }).port;
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    await new Promise((resolve) => client.once('open', resolve));
    const clip = await synth.say('hey hearth turn on the hallway lights');
    for (let i = 0; i < clip.pcm.length; i += 3200) client.send(clip.pcm.subarray(i, i + 3200), { binary: true });
    client.send(JSON.stringify({ type: 'audio_end' }));
    // This test is about the transport; whether the final s of "lights" is heard varied between runs on a loaded machine.
    expect(await handled).toMatchObject({
      transcript: expect.stringMatching(/^hey hearth turn on the hallway lights?$/),
    });
    expect(heard.at(-1)).toMatchObject({
      text: expect.stringMatching(/^turn on the hallway lights?$/),
      area: 'hallway',
    });
    client.close();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
});
