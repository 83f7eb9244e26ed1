import { connect } from 'node:net';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttMessage } from '../../hub/mqtt/index.js';
import { seededBytes, seededRandom } from '../harness/seeded-random.js';
import { startBroker, waitFor, type BrokerFixture } from './mqtt-fixtures.js';

/** Opens a socket, writes the bytes, and closes it once the broker closes it or after a short grace. */
function blast(port: number, chunks: Buffer[]): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const finish = () => {
      socket.destroy();
      resolve();
    };
    socket.on('error', finish);
    socket.on('close', finish);
    socket.once('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      setTimeout(finish, 30);
    });
  });
}

/** A CONNECT header announcing a huge PUBLISH after it: remaining length 268,435,455 (the MQTT maximum). */
const HUGE_PUBLISH_HEADER = Buffer.from([0x30, 0xff, 0xff, 0xff, 0x7f]);

describe('malformed and hostile input', () => {
  let fx: BrokerFixture;
  let password: string;
  beforeAll(async () => {
    // Every refusal logged: the tests below count them one by one (the flood limit is test/security's).
    fx = await startBroker({ maxPayloadBytes: 1024, rejectionsLoggedPerSecond: 100_000 });
    password = fx.credentials.create('lamp').password;
  });
  afterAll(async () => fx.close());

  it('survives thousands of random-byte connections, then serves a legitimate client', async () => {
    const port = fx.broker.port;
    const total = 3000;
    const random = seededRandom(3000); // the same noise every run
    for (let i = 0; i < total; i += 100) {
      await Promise.all(
        Array.from({ length: 100 }, (_, j) => {
          const n = i + j;
          // Mix pure noise with noise after a valid-looking first byte (CONNECT / PUBLISH types).
          const lead = n % 3 === 0 ? Buffer.from([0x10]) : n % 3 === 1 ? Buffer.from([0x30]) : Buffer.alloc(0);
          return blast(port, [lead, seededBytes(random, 1 + (n % 200))]);
        }),
      );
    }
    // A blast gives up after 30 ms, so under load the broker may still be parsing some of the noise.
    // Refusals are logged and emitted at a bounded rate in a flood; the rest are counted in summary events.
    const rejected = () => fx.rejections.reduce((sum, r) => sum + (r.count ?? 1), 0);
    await waitFor(() => rejected() > total / 3, 20_000, 'the noise to be rejected');
    await expectServes(fx, password, 'after-noise');
  }, 60_000);

  it('closes a connection that announces a packet over the size limit before buffering it', async () => {
    const device = await connectLamp(fx, password);
    const closed = new Promise<void>((resolve) => device.stream.once('close', () => resolve()));
    device.stream.write(HUGE_PUBLISH_HEADER);
    await closed;
    expect(fx.rejections).toContainEqual(
      expect.objectContaining({ reason: expect.stringMatching(/exceeds the limit/) }),
    );
    await device.endAsync(true);
    await expectServes(fx, password, 'after-huge');
  });

  it('rejects oversize payloads and logs each one, nothing reaches subscribers', async () => {
    const hub = fx.broker.transport();
    const seen: MqttMessage[] = [];
    await hub.subscribe('hearth/lamp/state', (m) => seen.push(m));
    const before = fx.rejections.length;
    for (let i = 0; i < 20; i++) {
      const device = await connectLamp(fx, password);
      const closed = new Promise<void>((resolve) => device.stream.once('close', () => resolve()));
      device.publish('hearth/lamp/state', Buffer.alloc(1025 + i, 0x61), { qos: 0 });
      await closed;
      await device.endAsync(true);
    }
    const oversize = fx.rejections.slice(before).filter((r) => /exceeds mqtt.maxPayloadBytes/.test(r.reason));
    expect(oversize).toHaveLength(20);
    expect(seen).toHaveLength(0);
    await expectServes(fx, password, 'after-oversize');
  });
});

/** The lamp's own MQTT connection, with its credentials and no reconnecting. */
function connectLamp(fx: BrokerFixture, password: string) {
  return mqtt.connectAsync(`mqtt://127.0.0.1:${fx.broker.port}`, {
    protocolVersion: 4,
    clientId: 'lamp',
    username: 'lamp',
    password,
    reconnectPeriod: 0,
  });
}

async function expectServes(fx: BrokerFixture, password: string, marker: string): Promise<void> {
  const hub = fx.broker.transport();
  const seen: string[] = [];
  const unsubscribe = await hub.subscribe('hearth/lamp/event', (m) => seen.push(m.payload.toString()));
  const device = await connectLamp(fx, password);
  await device.publishAsync('hearth/lamp/event', JSON.stringify({ type: marker }), { qos: 1 });
  await waitFor(() => seen.length > 0, 30_000, 'legitimate publish');
  expect(JSON.parse(seen[0]!)).toEqual({ type: marker });
  await device.endAsync();
  await unsubscribe();
}
