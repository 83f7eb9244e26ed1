/**
 * The Wyoming server's own behaviour on real TCP sockets, with a stand-in for the rest of Hearth:
 * hostile framing closes only the connection that sent it, limits hold, audio of any format is
 * converted before the recogniser gets it. (The reference client's view is in test/integration.)
 */
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../core/clock.js';
import { silentLogger } from '../core/logger.js';
import { collectPcm } from '../voice/audio/pcm.js';
import { encodeEvent, FrameDecoder, type WyomingEvent } from './codec.js';
import { wyomingConfigSchema } from './config.js';
import type { HearthVoicePort } from './hearth-port.js';
import { WyomingServer } from './server.js';

const heardPcm: Buffer[] = [];
const hearth: HearthVoicePort = {
  capabilities: async () => ({
    name: 'Hearth',
    version: '0.0.0',
    recognizer: 'pocketsphinx',
    languages: ['en'],
    ttsVoices: ['en-us'],
    handle: true,
  }),
  transcribe: async (source) => {
    const pcm = await collectPcm(source);
    heardPcm.push(pcm);
    return `${pcm.length} bytes`;
  },
  recognize: (text) => (text === 'lights on' ? { intent: { name: 'HassTurnOn', slots: { name: 'light' } } } : {}),
  handle: async (text) => ({
    handled: text === 'lights on',
    reply: text === 'lights on' ? 'Turned on the light.' : "Sorry, I didn't understand that.",
  }),
  synthesize: async (text) => Buffer.alloc(text.length * 640),
};

let server: WyomingServer;

async function startServer(overrides: Record<string, unknown> = {}, serverOverrides: Record<string, unknown> = {}) {
  const config = wyomingConfigSchema.parse({
    server: { enabled: true, port: 0, ...serverOverrides },
    limits: { frameTimeoutMs: 300, maxDataBytes: 4096, maxPayloadBytes: 65536, maxStreamMs: 2000, ...overrides },
  });
  server = new WyomingServer({
    config: config.server,
    limits: config.limits,
    hearth,
    clock: systemClock,
    log: silentLogger,
  });
  await server.start();
}

/** A raw TCP peer that can send anything and reads Hearth's answers with Hearth's decoder. */
class RawPeer {
  readonly events: WyomingEvent[] = [];
  closed = false;
  private readonly decoder = new FrameDecoder({
    maxHeaderBytes: 1 << 20,
    maxDataBytes: 1 << 20,
    maxPayloadBytes: 1 << 24,
  });
  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk) => this.events.push(...this.decoder.push(chunk)));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined);
  }
  static open(port: number): Promise<RawPeer> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(new RawPeer(socket)));
      socket.once('error', reject);
    });
  }
  send(...events: WyomingEvent[]): void {
    for (const e of events) this.socket.write(encodeEvent(e));
  }
  async next(type: string, timeoutMs = 30_000): Promise<WyomingEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.events.findIndex((e) => e.type === type);
      if (index >= 0) return this.events.splice(index, 1)[0]!;
      if (Date.now() > deadline)
        throw new Error(
          `no ${type} (got ${this.events.map((e) => e.type).join(', ') || 'nothing'}; closed: ${this.closed})`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  async untilClosed(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('connection still open');
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

beforeEach(() => void (heardPcm.length = 0));
afterEach(async () => server?.stop());

describe('WyomingServer', () => {
  it.each([
    ['bad JSON', Buffer.from('{"type": describe}\n'), /not valid JSON/],
    [
      'a huge data_length',
      Buffer.from('{"type":"transcript","data_length":99999999}\n'),
      /data_length 99999999 is over the limit of 4096/,
    ],
    [
      'a huge payload_length',
      Buffer.from('{"type":"audio-chunk","payload_length":4294967296}\n'),
      /payload_length 4294967296 is over the limit of 65536/,
    ],
    ['a header line that never ends', Buffer.alloc(40_000, 0x7b), /header line is over the limit/],
  ])('closes the connection that sends %s, says why, and keeps serving the others', async (_what, bytes, reason) => {
    await startServer();
    const good = await RawPeer.open(server.port);
    const bad = await RawPeer.open(server.port);
    bad.socket.write(bytes);
    const error = await bad.next('error');
    expect(error.data).toMatchObject({ code: 'malformed-frame', text: expect.stringMatching(reason) });
    await bad.untilClosed();
    good.send({ type: 'describe', data: {} });
    expect((await good.next('info')).data.asr).toBeDefined();
    expect(good.closed).toBe(false);
  });

  it('cuts off a peer that trickles a frame (slowloris) and one that stops mid-payload', async () => {
    await startServer();
    const slow = await RawPeer.open(server.port);
    // A byte every 60 ms (more often than the 300 ms frame timeout) of a header line that would take 2 minutes to
    // end: only a deadline on the whole frame cuts this peer off; with an idle timeout it would outlast the test.
    const header = Buffer.from(`{"type":"describe","data":{"pad":"${'x'.repeat(2000)}"}}\n`);
    for (const byte of header) {
      if (slow.closed) break;
      slow.socket.write(Buffer.from([byte]));
      await new Promise((r) => setTimeout(r, 60));
    }
    await slow.untilClosed();
    expect((await slow.next('error')).data.code).toBe('frame-timeout');

    const truncated = await RawPeer.open(server.port);
    truncated.socket.write(
      Buffer.concat([
        Buffer.from('{"type":"audio-chunk","data":{"rate":16000,"width":2,"channels":1},"payload_length":1000}\n'),
        Buffer.alloc(10),
      ]),
    );
    await truncated.untilClosed();
    expect((await truncated.next('error')).data.code).toBe('frame-timeout');

    const after = await RawPeer.open(server.port);
    after.send({ type: 'describe', data: {} });
    await after.next('info');
  });

  it('a peer that hangs up mid-payload loses only its own request', async () => {
    await startServer();
    const quitter = await RawPeer.open(server.port);
    quitter.send({ type: 'audio-start', data: { rate: 16000, width: 2, channels: 1 } });
    quitter.socket.end(
      Buffer.from('{"type":"audio-chunk","data":{"rate":16000,"width":2,"channels":1},"payload_length":3200}\n0123'),
    );
    await quitter.untilClosed();
    const other = await RawPeer.open(server.port);
    other.send({ type: 'recognize', data: { text: 'lights on' } });
    expect((await other.next('intent')).data).toEqual({
      name: 'HassTurnOn',
      entities: [{ name: 'name', value: 'light' }],
    });
  });

  it('converts 48 kHz stereo audio to 16 kHz mono before the recogniser hears it', async () => {
    await startServer();
    const peer = await RawPeer.open(server.port);
    const format = { rate: 48000, width: 2, channels: 2 };
    peer.send({ type: 'transcribe', data: { language: 'en' } }, { type: 'audio-start', data: format });
    for (let i = 0; i < 10; i++) peer.send({ type: 'audio-chunk', data: format, payload: Buffer.alloc(4800 * 4) }); // 10 × 100 ms
    peer.send({ type: 'audio-stop', data: {} });
    const transcript = await peer.next('transcript');
    expect(transcript.data).toEqual({ text: '32000 bytes', language: 'en' }); // 1 s of 16 kHz s16le
  });

  it('refuses a stream longer than maxStreamMs and answers errors for requests it cannot serve without closing', async () => {
    await startServer();
    const peer = await RawPeer.open(server.port);
    peer.send({ type: 'synthesize', data: {} });
    expect((await peer.next('error')).data).toMatchObject({ code: 'bad-request' });
    peer.send({ type: 'audio-start', data: { rate: 7, width: 2, channels: 1 } });
    expect((await peer.next('error')).data).toMatchObject({
      code: 'bad-audio-format',
      text: expect.stringMatching(/rate must be/),
    });
    peer.send({ type: 'recognize', data: { text: 'lights on' } });
    await peer.next('intent');

    const format = { rate: 16000, width: 2, channels: 1 };
    peer.send({ type: 'audio-start', data: format });
    for (let i = 0; i < 25; i++) peer.send({ type: 'audio-chunk', data: format, payload: Buffer.alloc(3200) }); // 2.5 s > 2 s
    expect((await peer.next('error')).data).toMatchObject({ code: 'stream-too-long' });
    await peer.untilClosed();
  });

  it('synthesize streams audio-start, 1024-sample chunks and audio-stop; pong answers ping', async () => {
    await startServer();
    const peer = await RawPeer.open(server.port);
    peer.send(
      { type: 'ping', data: { text: 'x' } },
      { type: 'synthesize', data: { text: 'hello', voice: { name: 'en-us' } } },
    );
    expect((await peer.next('pong')).data).toEqual({ text: 'x' });
    expect((await peer.next('audio-start')).data).toMatchObject({ rate: 16000, width: 2, channels: 1 });
    await peer.next('audio-stop');
    const chunks = peer.events.filter((e) => e.type === 'audio-chunk');
    expect(chunks.map((c) => c.payload!.length)).toEqual([2048, 1152]); // 5 × 640 bytes
  });

  it('refuses clients not in allowedClients', async () => {
    await startServer({}, { allowedClients: ['192.0.2.7'] });
    const peer = await RawPeer.open(server.port);
    await peer.untilClosed();
    expect(server.status().detail).toMatch(/1 connections refused/);
  });
});
