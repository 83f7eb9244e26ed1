/**
 * A hostile device filling the broker's retained store (found beyond the probe's list): retained messages on ever
 * new topics inside its own tree are each kept, in memory and in SQLite, until cleared. Against a real hub: the
 * device gets mqtt.maxRetainedTopicsPerDevice of them, across a restart too, and clearing one frees a place.
 */
import { rmSync } from 'node:fs';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvents } from '../../hub/core/events.js';
import { startTestHub, tempDataDir, type TestHub } from '../harness/hub.js';
import { until } from '../harness/until.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const LIMIT = 20;

async function hubWithHoarder(
  dataDir: string,
): Promise<{ hub: TestHub; rejections: HubEvents['inputRejected'][]; connect(): Promise<MqttClient> }> {
  const hub = await startTestHub({ dataDir, config: { mqtt: { maxRetainedTopicsPerDevice: LIMIT } } });
  cleanups.push(() => hub.stop());
  const rejections: HubEvents['inputRejected'][] = [];
  hub.hub.events.on('inputRejected', (r) => rejections.push(r));
  if ((await hub.api('GET', '/devices/hoarder')).status === 404)
    expect((await hub.api('POST', '/devices', { id: 'hoarder', name: 'Hoarder', type: 'sensor' })).status).toBe(201);
  const { password } = (await hub.api('POST', '/devices/hoarder/credentials', {})).body;
  const connect = async () => {
    const client = await mqtt.connectAsync(hub.runtime.mqtt.url, {
      clientId: 'hoarder',
      username: 'hoarder',
      password,
      reconnectPeriod: 0,
    });
    client.on('error', () => undefined);
    cleanups.push(() => client.endAsync(true));
    return client;
  };
  return { hub, rejections, connect };
}

/** Publishes retained messages on new topics until the broker closes the connection; returns how many it took. */
async function hoard(client: MqttClient, from: number, upTo: number): Promise<number> {
  const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
  let accepted = 0;
  for (let i = from; i < from + upTo && client.connected; i++) {
    const acked = await Promise.race([
      client.publishAsync(`hearth/hoarder/x${i}`, `value ${i}`, { qos: 1, retain: true }).then(
        () => true,
        () => false,
      ),
      closed.then(() => false),
    ]);
    if (!acked) break;
    accepted++;
  }
  return accepted;
}

describe('retained messages per device', () => {
  it('keeps at most the limit of retained topics per device, across a restart; clearing one frees a place', async () => {
    const dataDir = tempDataDir('hearth-retained-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await hubWithHoarder(dataDir);
    const accepted = await hoard(await first.connect(), 0, 500);
    expect(accepted).toBe(LIMIT);
    await until(
      () => first.rejections.some((r) => r.reason.includes(`already has ${LIMIT} retained topics`)),
      'the refusal logged',
    );

    // Clearing one (an empty retained message) frees its place for a new topic.
    const again = await first.connect();
    await again.publishAsync('hearth/hoarder/x0', '', { qos: 1, retain: true });
    expect(await hoard(again, 1000, 5)).toBe(1);

    await first.hub.stop();
    cleanups.splice(0);
    const second = await hubWithHoarder(dataDir);
    expect(await hoard(await second.connect(), 2000, 5)).toBe(0);
    // Re-publishing a topic it already has is fine.
    const client = await second.connect();
    await client.publishAsync('hearth/hoarder/x5', 'updated', { qos: 1, retain: true });
    expect(client.connected).toBe(true);
  });
});
