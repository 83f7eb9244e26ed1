/**
 * The Wyoming recogniser's hand-over to the local one, against a scripted service on a real socket.
 * (The reference library's stand-ins and a real hub are in test/integration/wyoming-client.test.ts.)
 */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../core/clock.js';
import { silentLogger } from '../core/logger.js';
import { TextRecognizer } from '../voice/recognizers/text.js';
import { makeEvent } from './codec.js';
import { wyomingConfigSchema } from './config.js';
import { WyomingConnection } from './connection.js';
import { RemoteService } from './remote-service.js';
import { WyomingRecognizer } from './remote-stt.js';

const config = wyomingConfigSchema.parse({
  client: { connectTimeoutMs: 500, replyTimeoutMs: 400, retryMinMs: 60_000, retryMaxMs: 60_000 },
});
let server: Server | undefined;
let connections = 0;

/** A service that runs `script` on each connection. */
function serve(script: (conn: WyomingConnection) => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    server = createServer((socket) => {
      connections++;
      const conn = new WyomingConnection(socket, {
        limits: { ...config.limits, idleTimeoutMs: undefined },
        clock: systemClock,
        log: silentLogger,
      });
      void script(conn).catch(() => conn.close());
    }).listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
  });
}

function recognizer(port: number, timings = config.client, onDecode: () => void = () => undefined) {
  const heard: Buffer[] = [];
  const local = new TextRecognizer((pcm) => {
    heard.push(pcm);
    onDecode();
    return `local heard ${pcm.length} bytes`;
  });
  const service = new RemoteService({
    kind: 'stt',
    uri: `tcp://127.0.0.1:${port}`,
    fallback: 'text',
    timings,
    limits: { ...config.limits, idleTimeoutMs: undefined },
    clock: systemClock,
    log: silentLogger,
  });
  return { stt: new WyomingRecognizer({ service, local, language: 'en', log: silentLogger }), service, heard };
}

const chunk = (n: number) => Buffer.alloc(3200, n);

afterEach(async () => {
  connections = 0;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('WyomingRecognizer', () => {
  it('streams transcribe, audio-start, chunks and audio-stop, and returns the service text normalised', async () => {
    const received: string[] = [];
    const port = await serve(async (conn) => {
      for (;;) {
        const event = await conn.next();
        if (!event) return;
        received.push(event.type);
        if (event.type === 'audio-stop')
          await conn.send(makeEvent('transcript', { text: ' Set the heating to 21.5 degrees, please.' }));
      }
    });
    const { stt, service, heard } = recognizer(port);
    const session = stt.startUtterance({ source: 'test' });
    session.feed(chunk(1));
    session.feed(chunk(2));
    expect((await session.end()).text).toBe('set the heating to 21.5 degrees please');
    expect(received).toEqual(['transcribe', 'audio-start', 'audio-chunk', 'audio-chunk', 'audio-stop']);
    expect(heard).toEqual([]);
    expect(service.status()).toMatchObject({ status: 'ok' });
  });

  it('hands the whole utterance to the local recogniser when the service closes mid-stream, and the rest as it comes', async () => {
    const port = await serve(async (conn) => {
      await conn.waitFor(['audio-chunk'], 30_000);
      conn.close();
    });
    const { stt, service, heard } = recognizer(port);
    const session = stt.startUtterance();
    session.feed(chunk(1));
    while (service.status().status !== 'degraded') await new Promise((r) => setTimeout(r, 10)); // the service reads a chunk and hangs up
    session.feed(chunk(2));
    expect((await session.end()).text).toBe('local heard 6400 bytes');
    expect(heard[0]).toEqual(Buffer.concat([chunk(1), chunk(2)]));
    expect(service.status()).toMatchObject({
      status: 'degraded',
      detail: expect.stringMatching(/closed the connection/),
    });

    // Down now: the next utterance goes straight to the local recogniser, without a connection.
    const before = connections;
    const next = stt.startUtterance();
    next.feed(chunk(3));
    expect((await next.end()).text).toBe('local heard 3200 bytes');
    expect(connections).toBe(before);
  });

  it('falls back after replyTimeoutMs when no transcript comes', async () => {
    const port = await serve(async (conn) => {
      while (await conn.next()) {
        // reads everything, answers nothing
      }
    });
    const { stt, service } = recognizer(port);
    const session = stt.startUtterance();
    session.feed(chunk(1));
    const t0 = performance.now();
    expect((await session.end()).text).toBe('local heard 3200 bytes');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390);
    expect(service.status().detail).toMatch(/no answer from .* within 400 ms/);
  });

  it('starts the local recogniser localHedgeMs after audio-stop, so a hung service costs replyTimeoutMs, not that plus a decode', async () => {
    const port = await serve(async (conn) => {
      while (await conn.next()) {
        // reads everything, answers nothing
      }
    });
    let serviceStateAtDecode = '';
    const { stt, service } = recognizer(
      port,
      { ...config.client, localHedgeMs: 50, replyTimeoutMs: 400 },
      () => (serviceStateAtDecode = service.status().status),
    );
    const session = stt.startUtterance();
    session.feed(chunk(1));
    expect((await session.end()).text).toBe('local heard 3200 bytes');
    // The local decode ran while the service was still waited for (the timeout marks it degraded).
    expect(serviceStateAtDecode).not.toBe('degraded');
    expect(service.status()).toMatchObject({
      status: 'degraded',
      detail: expect.stringMatching(/no answer from .* within 400 ms/),
    });
  });

  it("keeps the service's transcript when it comes after the local recogniser started but in time", async () => {
    let decoded: () => void = () => undefined;
    const localStarted = new Promise<void>((resolve) => (decoded = resolve));
    const port = await serve(async (conn) => {
      await conn.waitFor(['audio-stop'], 10_000);
      await localStarted; // the hedge is running: answer now
      await conn.send(makeEvent('transcript', { text: 'Turn on the porch light.' }));
    });
    const { stt, service, heard } = recognizer(
      port,
      { ...config.client, localHedgeMs: 20, replyTimeoutMs: 10_000 },
      () => decoded(),
    );
    const session = stt.startUtterance();
    session.feed(chunk(1));
    expect((await session.end()).text).toBe('turn on the porch light');
    expect(heard).toHaveLength(1);
    expect(service.status()).toMatchObject({ status: 'ok' });
  });

  it('falls back when nothing listens on the port', async () => {
    const port = await serve(async () => undefined);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const { stt, service } = recognizer(port);
    const session = stt.startUtterance();
    session.feed(chunk(1));
    expect((await session.end()).text).toBe('local heard 3200 bytes');
    expect(service.status().detail).toMatch(/ECONNREFUSED/);
  });
});
