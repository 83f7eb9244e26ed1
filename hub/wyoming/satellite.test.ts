/**
 * The satellite driver's connection handling against scripted peers on real sockets: what is not a
 * satellite, a satellite that stops answering pings, a run-pipeline from a stage Hearth does not serve.
 * (A reference-library satellite and a real hub are in test/integration/wyoming-satellite.test.ts.)
 */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../core/clock.js';
import { silentLogger } from '../core/logger.js';
import { makeEvent, type WyomingEvent } from './codec.js';
import { wyomingConfigSchema } from './config.js';
import { WyomingConnection } from './connection.js';
import { WyomingSatellite } from './satellite.js';

const config = wyomingConfigSchema.parse({});
let server: Server | undefined;
let driver: WyomingSatellite | undefined;

/** A peer that runs `script` on each connection; resolves with its port and the events each connection got. */
function peer(script: (conn: WyomingConnection, received: WyomingEvent[]) => Promise<void>) {
  const connections: WyomingEvent[][] = [];
  return new Promise<{ port: number; connections: WyomingEvent[][] }>((resolve) => {
    server = createServer((socket) => {
      const received: WyomingEvent[] = [];
      connections.push(received);
      const conn = new WyomingConnection(socket, {
        limits: { ...config.limits, idleTimeoutMs: undefined },
        clock: systemClock,
        log: silentLogger,
        answerPings: false,
      });
      void script(conn, received).catch(() => conn.close());
    }).listen(0, '127.0.0.1', () => resolve({ port: (server!.address() as { port: number }).port, connections }));
  });
}

function start(port: number, area?: string) {
  driver = new WyomingSatellite({
    id: 'test-sat',
    uri: `tcp://127.0.0.1:${port}`,
    area,
    resolveArea: (a) => (a.toLowerCase() === 'kitchen' ? 'kitchen' : undefined),
    voice: {
      wakePhrase: 'hey hearth',
      handle: async () => ({ transcript: '', reply: '' }),
      transcribe: async () => '',
    },
    wake: undefined,
    timings: {
      connectTimeoutMs: 500,
      replyTimeoutMs: 300,
      retryMinMs: 100,
      retryMaxMs: 200,
      pingMs: 200,
      playedGraceMs: 100,
    },
    limits: { ...config.limits, idleTimeoutMs: undefined },
    clock: systemClock,
    log: silentLogger,
  });
  driver.start();
  return driver;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000; // a ceiling for a hang only
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const satelliteInfo = makeEvent('info', {
  satellite: {
    name: 'porch',
    attribution: { name: 't', url: '' },
    installed: true,
    description: null,
    version: null,
    area: 'Kitchen',
  },
});

afterEach(async () => {
  await driver?.stop();
  driver = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('WyomingSatellite', () => {
  it('says so when the peer is not a satellite, and keeps retrying', async () => {
    const { port, connections } = await peer(async (conn) => {
      await conn.waitFor(['describe'], 30_000);
      await conn.send(makeEvent('info', { asr: [] }));
    });
    const sat = start(port);
    await until(() => connections.length >= 2, 'a second attempt');
    expect(sat.status()).toMatchObject({
      status: 'degraded',
      detail: expect.stringMatching(/not a Wyoming satellite; retrying in/),
    });
  });

  it('describe, run-satellite, pings; a satellite that stops answering is reconnected', async () => {
    const { port, connections } = await peer(async (conn, received) => {
      for (;;) {
        const event = await conn.next();
        if (!event) return;
        received.push(event);
        if (event.type === 'describe') await conn.send(satelliteInfo);
        // first connection: answers one ping, then goes quiet; later ones answer every ping
        if (event.type === 'ping' && (connections.length > 1 || received.filter((e) => e.type === 'ping').length === 1))
          await conn.send(makeEvent('pong', {}));
      }
    });
    const sat = start(port, 'kitchen');
    await until(() => sat.status().status === 'ok', 'the satellite to connect');
    expect(sat.status().detail).toMatch(/\("porch"\) connected, area kitchen, 0 commands/);
    expect(connections[0]!.slice(0, 2).map((e) => e.type)).toEqual(['describe', 'run-satellite']);
    await until(() => connections.length >= 2, 'a reconnection after the pings went unanswered');
    expect(connections[0]!.filter((e) => e.type === 'ping').length).toBeGreaterThanOrEqual(2);
    await until(() => sat.status().status === 'ok', 'the second connection');
  });

  it('takes the area the satellite describes when none is configured and Hearth knows it; refuses stages it does not serve', async () => {
    let reply: WyomingEvent | undefined;
    const { port } = await peer(async (conn) => {
      await conn.waitFor(['describe'], 30_000);
      await conn.send(satelliteInfo);
      await conn.waitFor(['run-satellite'], 30_000);
      await conn.send(makeEvent('run-pipeline', { start_stage: 'intent', end_stage: 'tts' }));
      reply = await conn.waitFor(['error'], 30_000);
      while (await conn.next()) {
        // stays connected
      }
    });
    const sat = start(port);
    await until(() => reply !== undefined, 'the refusal');
    expect(reply!.data).toMatchObject({ code: 'unsupported-stage' });
    expect(sat.status().detail).toMatch(/area kitchen/); // "Kitchen" from describe, resolved
  });
});
