import mqtt from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../hub/core/logger.js';
import { ExternalTransport, type MqttMessage } from '../../hub/mqtt/index.js';
import { startMosquitto, type MosquittoInstance } from '../harness/mosquitto.js';
import { runTool, waitFor } from './mqtt-fixtures.js';

describe('ExternalTransport against a real mosquitto', () => {
  let broker: MosquittoInstance;
  let transport: ExternalTransport;
  beforeEach(async () => {
    broker = await startMosquitto();
  });
  afterEach(async () => {
    await transport?.stop();
    await broker.stop();
  });

  it.each([4, 5] as const)('publishes and subscribes with protocol version %i', async (protocolVersion) => {
    transport = new ExternalTransport({ url: broker.url, protocolVersion, log: silentLogger });
    await transport.start();
    const seen: MqttMessage[] = [];
    const unsubscribe = await transport.subscribe('hearth/+/state', (m) => seen.push(m));
    const pub = await runTool('mosquitto_pub', [
      '-h',
      '127.0.0.1',
      '-p',
      String(broker.port),
      '-t',
      'hearth/lamp/state',
      '-m',
      '{"on":true}',
    ]);
    expect(pub.code).toBe(0);
    await waitFor(() => seen.length === 1, 30_000, 'message');
    expect(seen[0]).toMatchObject({ topic: 'hearth/lamp/state', retain: false });
    expect(seen[0]!.payload.toString()).toBe('{"on":true}');

    const sub = runTool('mosquitto_sub', [
      '-h',
      '127.0.0.1',
      '-p',
      String(broker.port),
      '-t',
      'hearth/lamp/set',
      '-C',
      '1',
      '-W',
      '5',
    ]);
    let done = false;
    void sub.then(() => (done = true));
    while (!done) {
      await transport.publish('hearth/lamp/set', '{"id":"1","command":"toggle"}', { qos: 1 });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await sub).stdout.trim()).toBe('{"id":"1","command":"toggle"}');

    await unsubscribe();
    await transport.publish('hearth/lamp/state', 'after', { qos: 1 });
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toHaveLength(1);
  });

  it('receives retained messages on subscribe and matches $share subscriptions on the inner filter', async () => {
    transport = new ExternalTransport({ url: broker.url, log: silentLogger });
    await transport.start();
    await transport.publish('hearth/lamp/state', 'retained', { qos: 1, retain: true });
    const retained: MqttMessage[] = [];
    await transport.subscribe('hearth/lamp/state', (m) => retained.push(m));
    await waitFor(() => retained.length === 1, 30_000, 'retained');
    expect(retained[0]!.retain).toBe(true);

    const shared: string[] = [];
    const other: string[] = [];
    await transport.subscribe('$share/hub/hearth/+/event', (m) => shared.push(m.topic));
    await transport.subscribe('hearth/door/#', (m) => other.push(m.topic));
    await transport.publish('hearth/lamp/event', '{"type":"x"}', { qos: 1 });
    await transport.publish('hearth/door/ack', '{}', { qos: 1 });
    await waitFor(() => shared.length === 1 && other.length === 1, 30_000, 'shared + plain');
    expect(shared).toEqual(['hearth/lamp/event']);
    expect(other).toEqual(['hearth/door/ack']);
  });

  it('reconnects and resubscribes after the broker restarts', async () => {
    transport = new ExternalTransport({ url: broker.url, reconnectPeriodMs: 200, log: silentLogger });
    await transport.start();
    const seen: string[] = [];
    await transport.subscribe('hearth/+/availability', (m) => seen.push(m.payload.toString()));
    await broker.kill();
    await broker.restart();
    // Publish from an independent client until the resubscribed hub receives it.
    const probe = await mqtt.connectAsync(broker.url, { protocolVersion: 4 });
    try {
      const started = Date.now();
      while (!seen.includes('online') && Date.now() - started < 8000) {
        await probe.publishAsync('hearth/lamp/availability', 'online');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await probe.endAsync();
    }
    expect(seen).toContain('online');
  });

  it('fails start() with a clear error when no broker listens', async () => {
    const port = broker.port;
    await broker.kill();
    transport = new ExternalTransport({ url: `mqtt://127.0.0.1:${port}`, connectTimeoutMs: 1000, log: silentLogger });
    await expect(transport.start()).rejects.toThrow(/Cannot connect to the MQTT broker/);
  });
});
