import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttMessage, MqttTransport } from '../../hub/mqtt/index.js';
import { runTool, startBroker, waitFor, type BrokerFixture } from './mqtt-fixtures.js';

describe('embedded broker with Debian mosquitto clients', () => {
  let fx: BrokerFixture;
  let hub: MqttTransport;
  const seen: MqttMessage[] = [];
  let lamp: { password: string };
  let door: { password: string };
  const base = () => ['-h', '127.0.0.1', '-p', String(fx.broker.port)];
  const asLamp = (password = lamp.password) => [...base(), '-u', 'lamp', '-P', password, '-i', 'lamp'];

  beforeAll(async () => {
    fx = await startBroker();
    lamp = fx.credentials.create('lamp');
    door = fx.credentials.create('door');
    hub = fx.broker.transport();
    await hub.start();
    await hub.subscribe('hearth/#', (m) => seen.push(m));
  });
  afterAll(async () => {
    await hub.stop();
    await fx.close();
  });

  it('a device publishes its retained state with its credentials', async () => {
    const result = await runTool('mosquitto_pub', [
      ...asLamp(),
      '-t',
      'hearth/lamp/state',
      '-m',
      '{"on":true}',
      '-q',
      '1',
      '-r',
    ]);
    expect(result.code).toBe(0);
    await waitFor(() => seen.some((m) => m.topic === 'hearth/lamp/state'), 30_000, 'state at the hub');
    const state = seen.find((m) => m.topic === 'hearth/lamp/state')!;
    expect(JSON.parse(state.payload.toString())).toEqual({ on: true });
    expect(state.clientId).toBe('lamp');

    // Retained: a later subscriber (the device itself) gets it back.
    const again = await runTool('mosquitto_sub', [...asLamp(), '-t', 'hearth/lamp/state', '-C', '1', '-W', '30']);
    expect(again.stdout.trim()).toBe('{"on":true}');
  });

  it('a device receives a command on its set topic', async () => {
    const sub = runTool('mosquitto_sub', [...asLamp(), '-t', 'hearth/lamp/set', '-C', '1', '-W', '30', '-q', '1']);
    let done = false;
    void sub.then(() => (done = true));
    // Publish until the subscriber (started asynchronously) has it.
    while (!done) {
      await hub.publish('hearth/lamp/set', JSON.stringify({ id: 'c1', command: 'turn_on' }), { qos: 1 });
      await new Promise((r) => setTimeout(r, 100));
    }
    const result = await sub;
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toEqual({ id: 'c1', command: 'turn_on' });
  });

  it('refuses a wrong password', async () => {
    const before = fx.rejections.length;
    const result = await runTool('mosquitto_pub', [
      ...asLamp('not-the-password'),
      '-t',
      'hearth/lamp/state',
      '-m',
      'x',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.toLowerCase()).toMatch(/bad user name or password|not authori[sz]ed/);
    expect(fx.rejections.slice(before).some((r) => r.reason.includes('bad username or password'))).toBe(true);
  });

  it('refuses a client without credentials', async () => {
    const before = fx.rejections.length;
    const result = await runTool('mosquitto_pub', [...base(), '-t', 'hearth/lamp/state', '-m', 'anon']);
    expect(result.code).not.toBe(0);
    expect(result.stderr.toLowerCase()).toMatch(/not authori[sz]ed/);
    expect(fx.rejections.slice(before).some((r) => r.reason.includes('anonymous'))).toBe(true);
    expect(seen.some((m) => m.payload.toString() === 'anon')).toBe(false);
  });

  it('refuses a client id that is not the device', async () => {
    const result = await runTool('mosquitto_pub', [
      ...base(),
      '-u',
      'lamp',
      '-P',
      lamp.password,
      '-i',
      'door',
      '-t',
      'hearth/lamp/state',
      '-m',
      'x',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.toLowerCase()).toMatch(/identifier rejected/);
  });

  it('drops a publish outside the device topics: a legitimate subscriber never sees it', async () => {
    const before = fx.rejections.length;
    await runTool('mosquitto_pub', [...asLamp(), '-t', 'hearth/door/set', '-m', 'forged', '-q', '1']);
    // A legitimate publish afterwards proves the hub subscriber is live and ordered after the forged one.
    await runTool('mosquitto_pub', [...asLamp(), '-t', 'hearth/lamp/event', '-m', '{"type":"marker"}', '-q', '1']);
    await waitFor(() => seen.some((m) => m.topic === 'hearth/lamp/event'), 30_000, 'marker event');
    expect(seen.some((m) => m.payload.toString() === 'forged')).toBe(false);
    expect(fx.rejections.slice(before)).toContainEqual(
      expect.objectContaining({ source: 'mqtt', topic: 'hearth/door/set', clientId: 'lamp' }),
    );
  });

  it('refuses a subscription outside the device topics (granted 0x80)', async () => {
    const before = fx.rejections.length;
    const result = await runTool('mosquitto_sub', [...asLamp(), '-t', 'hearth/door/set', '-C', '1', '-W', '30']);
    expect(result.stdout).toBe('');
    expect(result.stderr.toLowerCase()).toMatch(/denied|refused|fail/);
    expect(fx.rejections.slice(before)).toContainEqual(expect.objectContaining({ topic: 'hearth/door/set' }));
  });

  it('disconnectDevice closes a revoked device, which then cannot reconnect', async () => {
    const url = `mqtt://127.0.0.1:${fx.broker.port}`;
    const client = await mqtt.connectAsync(url, {
      protocolVersion: 4,
      clientId: 'door',
      username: 'door',
      password: door.password,
      reconnectPeriod: 0,
    });
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    fx.credentials.revoke('door');
    expect(fx.broker.disconnectDevice('door')).toBe(1);
    await closed;
    await client.endAsync(true);
    await expect(
      mqtt.connectAsync(url, {
        protocolVersion: 4,
        clientId: 'door',
        username: 'door',
        password: door.password,
        reconnectPeriod: 0,
      }),
    ).rejects.toThrow(/bad user ?name or password|not authori/i);
  });

  it('a replaced credential refuses the old password at once', async () => {
    const url = `mqtt://127.0.0.1:${fx.broker.port}`;
    const window = fx.credentials.create('window');
    const connect = (password: string) =>
      mqtt.connectAsync(url, {
        protocolVersion: 4,
        clientId: 'window',
        username: 'window',
        password,
        reconnectPeriod: 0,
      });
    await (await connect(window.password)).endAsync(true);
    const replaced = fx.credentials.create('window');
    await expect(connect(window.password)).rejects.toThrow(/bad user ?name or password|not authori/i);
    await (await connect(replaced.password)).endAsync(true);
  });
});
