/**
 * What a device can make the broker keep for it through persistent sessions (found re-running the issue 13 probe):
 * a filter refused in a SUBSCRIBE packet beside a granted one was stored anyway and queued another device's
 * messages for it while offline; and sessions, subscriptions and offline queues had no bound (100 publishes of 8 KB
 * into 200 offline sessions of one device: 250 MB). Against a real hub, real aedes, mqtt.js, SQLite.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type IClientOptions, type MqttClient, type Packet } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvents } from '../../hub/core/events.js';
import { startTestHub, tempDataDir } from '../harness/hub.js';
import { until } from '../harness/until.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const limits = {
  maxSessionsPerDevice: 3,
  maxSubscriptionsPerClient: 5,
  maxQueuedMessagesPerDevice: 10,
  rejectionsLoggedPerSecond: 1000,
};

async function hubWith(ids: string[], dataDir = tempDataDir('hearth-sessions-')) {
  const hub = await startTestHub({ dataDir, config: { mqtt: limits } });
  cleanups.push(() => hub.stop());
  const rejections: HubEvents['inputRejected'][] = [];
  hub.hub.events.on('inputRejected', (r) => rejections.push(r));
  const passwords: Record<string, string> = {};
  for (const id of ids) {
    if ((await hub.api('GET', `/devices/${id}`)).status === 404)
      expect((await hub.api('POST', '/devices', { id, name: id, type: 'sensor' })).status).toBe(201);
    passwords[id] = (await hub.api('POST', `/devices/${id}/credentials`, {})).body.password;
  }
  /** A client whose listeners can be attached before its session's queued messages arrive. */
  const open = (clientId: string, options: IClientOptions = {}): MqttClient => {
    const username = clientId.split(':')[0]!;
    const client = mqtt.connect(hub.runtime.mqtt.url, {
      clientId,
      username,
      password: passwords[username]!,
      reconnectPeriod: 0,
      ...options,
    });
    client.on('error', () => undefined);
    cleanups.push(() => client.endAsync(true));
    return client;
  };
  const connect = async (clientId: string, options: IClientOptions = {}): Promise<MqttClient> => {
    const client = open(clientId, options);
    if (!client.connected) await new Promise((resolve) => client.once('connect', resolve));
    return client;
  };
  return {
    hub,
    rejections,
    open,
    connect,
    brokerDb: () => new Database(join(dataDir, 'mqtt-broker.db'), { readonly: true }),
  };
}

/** Subscribes and returns the SUBACK's return code per filter (128: refused), read from the packet itself. */
function subscribe(client: MqttClient, topics: string[]): Promise<number[]> {
  return new Promise((resolve) => {
    const onPacket = (packet: Packet) => {
      if (packet.cmd !== 'suback') return;
      client.off('packetreceive', onPacket);
      resolve((packet.granted as (number | { qos: number })[]).map((g) => (typeof g === 'number' ? g : g.qos)));
    };
    client.on('packetreceive', onPacket);
    client.subscribe(topics, { qos: 1 }, () => undefined);
  });
}

/** Connects a persistent session again and collects what was queued for it, up to `expected` messages. */
async function drain(
  open: (id: string, o?: IClientOptions) => MqttClient,
  clientId: string,
  expected: number,
): Promise<string[]> {
  const got: string[] = [];
  const client = open(clientId, { clean: false });
  client.on('message', (topic, payload) => got.push(`${topic} ${payload.toString()}`));
  if (expected > 0) await until(() => got.length >= expected, `${expected} queued messages for ${clientId}`);
  return got;
}

describe('persistent sessions of a device', () => {
  it("stores no filter the broker refused, so another device's messages are never queued for it", async () => {
    const { open, connect, brokerDb } = await hubWith(['evil', 'door']);
    const evil = await connect('evil', { clean: false });
    expect(await subscribe(evil, ['hearth/evil/x', 'hearth/door/#'])).toEqual([1, 128]);
    await evil.endAsync();
    const db = brokerDb();
    expect(db.prepare('SELECT topic FROM subscriptions').pluck().all()).toEqual(['hearth/evil/x']);
    db.close();
    const door = await connect('door');
    await door.publishAsync('hearth/door/secret', 'the code is 1234', { qos: 1 });
    // A marker on the evil device's own granted topic: once it arrives, anything queued before it has arrived too.
    await door.endAsync();
    const own = await connect('evil:marker');
    await own.publishAsync('hearth/evil/x', 'marker', { qos: 1 });
    const got = await drain(open, 'evil', 1);
    expect(got).toEqual(['hearth/evil/x marker']);
  });

  it('deletes a foreign subscription an older hub stored, at start', async () => {
    const dataDir = tempDataDir('hearth-sessions-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await hubWith(['evil', 'door'], dataDir);
    const evil = await first.connect('evil', { clean: false });
    expect(await subscribe(evil, ['hearth/evil/x'])).toEqual([1]);
    await first.hub.stop();
    cleanups.splice(0);
    const db = new Database(join(dataDir, 'mqtt-broker.db'));
    db.prepare('INSERT INTO subscriptions (client_id, topic, options) VALUES (?, ?, ?)').run(
      'evil',
      'hearth/door/#',
      JSON.stringify({ qos: 1 }),
    );
    db.close();
    const second = await hubWith(['evil', 'door'], dataDir);
    const check = second.brokerDb();
    expect(check.prepare("SELECT topic FROM subscriptions WHERE client_id = 'evil'").pluck().all()).toEqual([
      'hearth/evil/x',
    ]);
    check.close();
    const door = await second.connect('door');
    await door.publishAsync('hearth/door/secret', 'the code is 1234', { qos: 1 });
    await (await second.connect('evil:marker')).publishAsync('hearth/evil/x', 'marker', { qos: 1 });
    expect(await drain(second.open, 'evil', 1)).toEqual(['hearth/evil/x marker']);
  });

  it('bounds persistent sessions per device and subscriptions per connection', async () => {
    const { connect, rejections } = await hubWith(['dev']);
    for (const id of ['dev', 'dev:2', 'dev:3'])
      expect(await subscribe(await connect(id, { clean: false }), ['hearth/dev/a'])).toEqual([1]);
    const fourth = await connect('dev:4', { clean: false });
    expect(await subscribe(fourth, ['hearth/dev/a'])).toEqual([128]);
    expect(rejections.some((r) => /device "dev" already keeps 3 persistent sessions/.test(r.reason))).toBe(true);
    // A clean session stores nothing, so it is not counted; it still holds 5 subscriptions at most.
    const clean = await connect('dev:5');
    expect(
      await subscribe(clean, [
        'hearth/dev/1',
        'hearth/dev/2',
        'hearth/dev/3',
        'hearth/dev/4',
        'hearth/dev/5',
        'hearth/dev/6',
      ]),
    ).toEqual([1, 1, 1, 1, 1, 128]);
    expect(rejections.some((r) => /client "dev:5" already holds 5 subscriptions/.test(r.reason))).toBe(true);
    // Unsubscribing frees a place; an existing persistent session keeps subscribing.
    await clean.unsubscribeAsync('hearth/dev/1');
    expect(await subscribe(clean, ['hearth/dev/6'])).toEqual([1]);
    expect(await subscribe(await connect('dev:2', { clean: false }), ['hearth/dev/b'])).toEqual([1]);
  });

  it("queues at most the limit for a device's offline sessions, and frees it once they are delivered", async () => {
    const { open, connect, rejections, brokerDb } = await hubWith(['dev']);
    const sink = await connect('dev:sink', { clean: false });
    expect(await subscribe(sink, ['hearth/dev/q'])).toEqual([1]);
    await sink.endAsync();
    const source = await connect('dev');
    for (let i = 0; i < 30; i++) await source.publishAsync('hearth/dev/q', `m${i}`, { qos: 1 });
    await until(
      () => rejections.filter((r) => /queue is full/.test(r.reason)).length === 20,
      'twenty messages not queued',
    );
    const db = brokerDb();
    expect(db.prepare("SELECT count(*) FROM outgoing WHERE client_id = 'dev:sink'").pluck().get()).toBe(10);
    db.close();
    const got = await drain(open, 'dev:sink', 10);
    expect(got).toEqual(Array.from({ length: 10 }, (_, i) => `hearth/dev/q m${i}`));
    const drained = brokerDb();
    await until(
      () => drained.prepare('SELECT count(*) FROM outgoing').pluck().get() === 0,
      'the delivered messages acknowledged',
    );
    drained.close();
    // Delivered and acknowledged: the device may queue again.
    await cleanups.pop()!();
    for (let i = 30; i < 35; i++) await source.publishAsync('hearth/dev/q', `m${i}`, { qos: 1 });
    expect(await drain(open, 'dev:sink', 5)).toEqual(Array.from({ length: 5 }, (_, i) => `hearth/dev/q m${30 + i}`));
    expect(rejections.filter((r) => /queue is full/.test(r.reason))).toHaveLength(20);
  });
});
