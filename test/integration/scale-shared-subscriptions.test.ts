/**
 * Two hubs on Debian's Mosquitto with mqtt.shareGroup: every state and event message is handled by exactly
 * one hub (count per hub, sum = sent, no sequence number seen twice), while acks reach the hub that sent the
 * command and availability reaches both.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPayloadSchema, topics } from '../../hub/sdk/protocol.js';
import { startMosquitto, type MosquittoInstance } from '../harness/mosquitto.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { until } from '../harness/until.js';

const DEVICES = 10;
const MESSAGES_PER_DEVICE = 40;
const ids = Array.from({ length: DEVICES }, (_, i) => `fleet-sensor-${i}`);

describe('two hubs sharing device traffic on Mosquitto', () => {
  let mosquitto: MosquittoInstance;
  const hubs: TestHub[] = [];
  const devices: MqttClient[] = [];
  /** per hub: "<deviceId>#<seq>" of every state change it handled */
  const handled: Set<string>[] = [new Set(), new Set()];
  const events: number[] = [0, 0];
  /** The devices' ack publishes: the hub may settle a command before the broker's PUBACK reaches the device. */
  const acks: Promise<unknown>[] = [];

  beforeAll(async () => {
    mosquitto = await startMosquitto();
    for (let h = 0; h < 2; h++) {
      const hub = await startTestHub({
        config: { mqtt: { url: mosquitto.url, shareGroup: 'hearth-fleet' }, voice: { recognizer: 'text' } },
      });
      hubs.push(hub);
      hub.hub.events.on('deviceStateChanged', ({ deviceId, changed }) => {
        if (typeof changed.seq === 'number') handled[h]!.add(`${deviceId}#${changed.seq}`);
      });
      hub.hub.events.on('deviceEvent', ({ type }) => {
        if (type === 'tick') events[h]!++;
      });
      for (const id of ids) hub.hub.devices().add({ id, name: `Fleet sensor ${id.slice(-1)}`, type: 'switch' });
    }
    for (const id of ids) {
      const client = await mqtt.connectAsync(mosquitto.url, { protocolVersion: 4, clientId: id, reconnectPeriod: 0 });
      await client.subscribeAsync(topics.set(id), { qos: 1 });
      client.on('message', (topic, payload) => {
        if (topic !== topics.set(id)) return;
        const command = commandPayloadSchema.parse(JSON.parse(payload.toString()));
        acks.push(
          client.publishAsync(
            topics.ack(id),
            JSON.stringify({ id: command.id, status: 'ok', state: { on: command.command === 'turn_on' } }),
            { qos: 1 },
          ),
        );
      });
      devices.push(client);
    }
    // Each hub's subscriptions are in place once a retained availability (unshared) reaches both.
    await Promise.all(
      devices.map((d, i) => d.publishAsync(topics.availability(ids[i]!), 'online', { qos: 1, retain: true })),
    );
    await until(
      () => hubs.every((h) => ids.every((id) => h.hub.devices().get(id)?.available === true)),
      'availability on both hubs',
      30_000,
    );
  }, 60_000);

  afterAll(async () => {
    // Ending a client while its ack is unacknowledged rejects that publish ("Connection closed"), unhandled.
    await Promise.all(acks);
    await Promise.all(devices.map((d) => d.endAsync(true)));
    for (const hub of hubs) await hub.stop();
    await mosquitto?.stop();
  });

  it('handles each state message on exactly one hub', async () => {
    await Promise.all(
      devices.map(async (client, i) => {
        for (let seq = 1; seq <= MESSAGES_PER_DEVICE; seq++) {
          await client.publishAsync(topics.state(ids[i]!), JSON.stringify({ seq }), { qos: 1, retain: true });
        }
      }),
    );
    const sent = DEVICES * MESSAGES_PER_DEVICE;
    await until(() => handled[0]!.size + handled[1]!.size >= sent, 'every state message handled');
    await new Promise((r) => setTimeout(r, 300)); // a duplicate would arrive now
    const [a, b] = handled as [Set<string>, Set<string>];
    const both = [...a].filter((key) => b.has(key));
    expect(both).toEqual([]);
    expect(a.size + b.size).toBe(sent);
    expect(a.size).toBeGreaterThan(0);
    expect(b.size).toBeGreaterThan(0);
  });

  it('handles each device event on exactly one hub', async () => {
    const perDevice = 10;
    for (const [i, client] of devices.entries()) {
      for (let n = 0; n < perDevice; n++)
        await client.publishAsync(topics.event(ids[i]!), JSON.stringify({ type: 'tick', n }), { qos: 1 });
    }
    await until(() => events[0]! + events[1]! >= DEVICES * perDevice, 'every event handled');
    await new Promise((r) => setTimeout(r, 300));
    expect(events[0]! + events[1]!).toBe(DEVICES * perDevice);
    expect(events[0]).toBeGreaterThan(0);
    expect(events[1]).toBeGreaterThan(0);
  });

  it('delivers each acknowledgement to the hub that sent the command', async () => {
    const results = await Promise.all(
      ids.flatMap((id, i) =>
        [hubs[0]!, hubs[1]!].map((hub) =>
          hub.hub.devices().command(id, { command: i % 2 ? 'turn_on' : 'turn_off' }, { timeoutMs: 5000 }),
        ),
      ),
    );
    expect(results).toHaveLength(DEVICES * 2);
    for (const result of results) expect(result.correlationId).toMatch(/.+/);
  });
});
