import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import { silentLogger } from '../core/logger.js';
import { openDatabase, type Db } from '../store/database.js';
import { SqliteCredentialService } from './credential-store.js';
import { EmbeddedBroker } from './embedded-broker.js';
import type { MqttMessage } from './transport.js';

/**
 * Waits until what a publisher sent so far has been handed to the in-process subscriptions: it publishes a marker
 * after it and waits until a separate client has the marker. aedes hands one publisher's messages out in order,
 * to in-process subscriptions as it forwards them, so by then the earlier ones have been delivered (or dropped).
 */
async function watchMarkers(url: string) {
  const watcher = await mqtt.connectAsync(url, { clientId: 'marker-watcher', protocolVersion: 4, reconnectPeriod: 0 });
  const heard = new Set<string>();
  watcher.on('message', (_topic, payload) => heard.add(payload.toString()));
  await watcher.subscribeAsync('test/marker', { qos: 1 });
  let sent = 0;
  return {
    async after(publish: (topic: string, payload: string) => Promise<unknown>): Promise<void> {
      const marker = `marker-${++sent}`;
      await publish('test/marker', marker);
      await vi.waitFor(() => expect(heard.has(marker)).toBe(true), { timeout: 30_000, interval: 10 });
    },
    close: () => watcher.endAsync(true),
  };
}
const seen = (messages: MqttMessage[]) =>
  messages.map((m) => `${m.topic}=${m.payload.toString()}${m.retain ? ' (retained)' : ''}`);

describe('EmbeddedTransport', () => {
  let dir: string;
  let db: Db;
  let broker: EmbeddedBroker;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-embedded-transport-'));
    db = openDatabase(join(dir, 'hub.db'));
    broker = new EmbeddedBroker({
      config: { host: '127.0.0.1', port: 0, allowAnonymous: true, maxPayloadBytes: 4096 },
      dataDir: dir,
      credentials: new SqliteCredentialService(db),
      bus: new EventBus<HubEvents>(silentLogger),
      log: silentLogger,
    });
    await broker.start();
  });
  afterEach(async () => {
    await broker.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('routes exact topics to each of their subscriptions, with the retained message first, until unsubscribed', async () => {
    const hub = broker.transport();
    await hub.start();
    await hub.publish('hearth/lamp/state', '{"on":false}', { qos: 1, retain: true });
    const first: MqttMessage[] = [];
    const second: MqttMessage[] = [];
    const offFirst = await hub.subscribe('hearth/lamp/state', (m) => first.push(m));
    await hub.subscribe('hearth/lamp/state', (m) => second.push(m));
    expect(seen(first)).toEqual(['hearth/lamp/state={"on":false} (retained)']);

    const device = await mqtt.connectAsync(broker.url, { clientId: 'lamp', protocolVersion: 4, reconnectPeriod: 0 });
    const markers = await watchMarkers(broker.url);
    const fromDevice = (topic: string, payload: string) => device.publishAsync(topic, payload, { qos: 1 });
    try {
      await device.publishAsync('hearth/lamp/state', '{"on":true}', { qos: 1 });
      await device.publishAsync('hearth/lamp/state/extra', 'x', { qos: 1 });
      await device.publishAsync('hearth/fan/state', 'y', { qos: 1 });
      await markers.after(fromDevice);
      expect(seen(first)).toEqual(['hearth/lamp/state={"on":false} (retained)', 'hearth/lamp/state={"on":true}']);
      expect(seen(second)).toEqual(seen(first));
      expect(first[1]!.clientId).toBe('lamp');

      await offFirst();
      await device.publishAsync('hearth/lamp/state', '{"on":false}', { qos: 1 });
      await markers.after(fromDevice);
      expect(first).toHaveLength(2);
      expect(second).toHaveLength(3);

      await hub.stop();
      await device.publishAsync('hearth/lamp/state', '{"on":true}', { qos: 1 });
      await markers.after(fromDevice);
      expect(second).toHaveLength(3);
    } finally {
      await markers.close();
      await device.endAsync(true);
    }
  });

  it('keeps wildcard filters on the MQTT rules next to exact ones, and one failing handler does not stop the rest', async () => {
    const hub = broker.transport();
    await hub.start();
    const wildcard: MqttMessage[] = [];
    const exact: MqttMessage[] = [];
    await hub.subscribe('hearth/+/state', (m) => wildcard.push(m));
    await hub.subscribe('hearth/fan/state', () => {
      throw new Error('handler bug');
    });
    await hub.subscribe('hearth/fan/state', (m) => exact.push(m));
    await hub.publish('hearth/fan/state', 'a');
    await hub.publish('hearth/fan/state/x', 'b');
    const markers = await watchMarkers(broker.url);
    await markers.after((topic, payload) => hub.publish(topic, payload));
    await markers.close();
    expect(seen(wildcard)).toEqual(['hearth/fan/state=a']);
    expect(seen(exact)).toEqual(['hearth/fan/state=a']);
    await hub.stop();
  });
});
