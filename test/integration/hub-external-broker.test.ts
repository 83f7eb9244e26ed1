import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { commandPayloadSchema, topics } from '../../hub/sdk/protocol.js';
import { startTestHub } from '../harness/hub.js';
import { startMosquitto } from '../harness/mosquitto.js';
import { until } from '../harness/until.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('hub on an external broker (Debian mosquitto)', () => {
  it('commands a light through mosquitto and streams the state change over the WebSocket', async () => {
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const hub = await startTestHub({ config: { mqtt: { url: broker.url } } });
    cleanups.push(() => hub.stop());
    expect(hub.runtime.mqtt.port).toBe(broker.port);
    const status = await hub.api('GET', '/status');
    expect(status.body.components.broker).toMatchObject({ status: 'ok', detail: expect.stringContaining('external') });

    expect((await hub.api('POST', '/devices', { id: 'desk', name: 'Desk lamp', type: 'light' })).status).toBe(201);
    const light = await mqtt.connectAsync(broker.url, { clientId: 'desk', protocolVersion: 4, reconnectPeriod: 0 });
    cleanups.push(() => light.endAsync(true));
    light.on('message', (_topic, payload) => {
      const command = commandPayloadSchema.parse(JSON.parse(payload.toString()));
      const state = { on: command.command === 'turn_on' };
      light.publish(topics.state('desk'), JSON.stringify(state), { retain: true, qos: 1 });
      light.publish(topics.ack('desk'), JSON.stringify({ id: command.id, status: 'ok', state }), { qos: 1 });
    });
    await light.subscribeAsync(topics.set('desk'), { qos: 1 });
    // Online, as a device says when it connects: the hub refuses commands to a device it has never heard from.
    await light.publishAsync(topics.availability('desk'), 'online', { qos: 1, retain: true });
    await until(async () => (await hub.api('GET', '/devices/desk')).body.available === true, 'the desk lamp online');

    const ws = new WebSocket(
      `${hub.runtime.http.url.replace('http', 'ws')}/api/v1/events?token=${hub.token}&events=deviceStateChanged`,
    );
    cleanups.push(() => ws.close());
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const streamed = new Promise<{ event: string; payload: { deviceId: string; state: Record<string, unknown> } }>(
      (resolve) =>
        ws.on('message', (data) => {
          const message = JSON.parse(String(data));
          if (message.payload.state.on === true) resolve(message);
        }),
    );

    const result = await hub.api('POST', '/devices/desk/commands', { command: 'turn_on' });
    expect(result.status).toBe(200);
    expect(result.body.state.on).toBe(true);
    expect(await streamed).toMatchObject({
      event: 'deviceStateChanged',
      payload: { deviceId: 'desk', state: { on: true } },
    });
  });
});
