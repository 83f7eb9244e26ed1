/**
 * A hostile device against a real hub's embedded broker (real aedes on a real port, mqtt.js and hand-written
 * packets): ill-formed strings, empty client ids, wills and subscriptions outside its topics, extra topics that
 * reach other devices, and discovery configs that point the hub at another device's command topic.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvents } from '../../hub/core/events.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { until } from '../harness/until.js';
import { connectPacket, publishPacket, RawMqttClient, subscribePacket } from './raw-mqtt.js';

let hub: TestHub;
let rejections: HubEvents['inputRejected'][];
const passwords = new Map<string, string>();
let lock: MqttClient;
/** What reached the front door's command topic. */
const lockCommands: string[] = [];

async function credential(id: string, extraTopics: string[] = []): Promise<string> {
  const issued = await hub.api('POST', `/devices/${id}/credentials`, extraTopics.length ? { extraTopics } : {});
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  passwords.set(id, issued.body.password);
  return issued.body.password;
}

async function rawDevice(
  id: string,
  extra: Partial<Parameters<typeof connectPacket>[0]> = {},
): Promise<{ client: RawMqttClient; code: number }> {
  const client = await RawMqttClient.open(hub.runtime.mqtt.url);
  client.send(connectPacket({ clientId: id, username: id, password: passwords.get(id)!, ...extra }));
  return { client, code: await client.connack() };
}

function rejectedSince(start: number, pattern: RegExp): HubEvents['inputRejected'] | undefined {
  return rejections.slice(start).find((r) => pattern.test(r.reason));
}

beforeAll(async () => {
  hub = await startTestHub();
  rejections = [];
  hub.hub.events.on('inputRejected', (event) => rejections.push(event));
  for (const device of [
    { id: 'front-door', name: 'Front door', type: 'lock' },
    { id: 'lamp', name: 'Lamp', type: 'light' },
  ]) {
    expect((await hub.api('POST', '/devices', device)).status).toBe(201);
    await credential(device.id);
  }
  lock = await mqtt.connectAsync(hub.runtime.mqtt.url, {
    clientId: 'front-door',
    username: 'front-door',
    password: passwords.get('front-door')!,
    reconnectPeriod: 0,
  });
  lock.on('message', (_topic, payload) => lockCommands.push(payload.toString()));
  await lock.subscribeAsync('hearth/front-door/set', { qos: 1 });
});

afterAll(async () => {
  await lock?.endAsync();
  await hub?.stop();
});

describe('MQTT strings (MQTT-1.5.3)', () => {
  const badTopics: [string, Buffer][] = [
    ['ill-formed UTF-8', Buffer.concat([Buffer.from('hearth/lamp/'), Buffer.from([0xc3, 0x28])])],
    ['a lone continuation byte', Buffer.concat([Buffer.from('hearth/lamp/state'), Buffer.from([0x80])])],
    ['an overlong "/"', Buffer.concat([Buffer.from('hearth/lamp'), Buffer.from([0xc0, 0xaf]), Buffer.from('state')])],
    ['U+0000', Buffer.from('hearth/lamp/st\u0000ate')],
  ];

  for (const [what, topic] of badTopics) {
    it(`closes a device's connection when a PUBLISH topic holds ${what}`, async () => {
      const before = rejections.length;
      const { client, code } = await rawDevice('lamp');
      expect(code).toBe(0);
      client.send(publishPacket(topic, '{"on":true}'));
      await client.closedWithin(30_000);
      expect(rejectedSince(before, /MQTT-1\.5\.3-[12]/)).toMatchObject({ source: 'mqtt', clientId: 'lamp' });
    });
  }

  it('keeps the connection of a well-formed publish, U+FFFD sent as proper UTF-8 included', async () => {
    const { client, code } = await rawDevice('lamp');
    expect(code).toBe(0);
    client.send(publishPacket(Buffer.from('hearth/lamp/\uFFFD'), 'x'));
    client.send(publishPacket('hearth/lamp/state', '{"on":true}', true));
    await until(async () => (await hub.api('GET', '/devices/lamp')).body.state.on === true, 'lamp state on');
    expect(client.closed).toBe(false);
    client.close();
  });

  it('refuses a CONNECT whose client id or username holds U+0000 or ill-formed UTF-8', async () => {
    for (const packet of [
      connectPacket({ clientId: 'lamp\u0000x', username: 'lamp', password: passwords.get('lamp')! }),
      connectPacket({
        clientId: 'lamp',
        username: Buffer.from([0x6c, 0x61, 0x6d, 0x70, 0xff]),
        password: passwords.get('lamp')!,
      }),
    ]) {
      const client = await RawMqttClient.open(hub.runtime.mqtt.url);
      client.send(packet);
      // Closed at the bad string, before any CONNACK (an accepted or refused one would mean it was read as text).
      await client.closedWithin(30_000);
      expect(client.packets()).toEqual([]);
    }
  });
});

describe('MQTT client ids (MQTT-3.1.3-8)', () => {
  it('answers a zero-length client id with CleanSession=0 with CONNACK 2, whoever asks', async () => {
    for (const auth of [{}, { username: 'lamp', password: passwords.get('lamp')! }]) {
      const client = await RawMqttClient.open(hub.runtime.mqtt.url);
      client.send(connectPacket({ clientId: '', clean: false, ...auth }));
      expect(await client.connack()).toBe(2);
      await client.closedWithin(30_000);
    }
  });

  it('with anonymous clients allowed: an id is assigned only for a clean session', async () => {
    const lab = await startTestHub({ config: { mqtt: { allowAnonymous: true } } });
    try {
      const persistent = await RawMqttClient.open(lab.runtime.mqtt.url);
      persistent.send(connectPacket({ clientId: '', clean: false }));
      expect(await persistent.connack()).toBe(2);
      const clean = await RawMqttClient.open(lab.runtime.mqtt.url);
      clean.send(connectPacket({ clientId: '', clean: true }));
      expect(await clean.connack()).toBe(0);
      clean.close();
    } finally {
      await lab.stop();
    }
  });
});

describe('MQTT subscriptions', () => {
  it("grants a device its own topics and 0x80 for everything broader or someone else's", async () => {
    const { client, code } = await rawDevice('lamp');
    expect(code).toBe(0);
    const filters = [
      'hearth/lamp/set',
      '#',
      '+/#',
      '$SYS/#',
      '$SYS/+/heartbeat',
      'hearth/+/set',
      'hearth/front-door/set',
      '$share/g/#',
      '$share/g/hearth/front-door/set',
      'homeassistant/#',
    ];
    client.send(subscribePacket(7, filters));
    expect(await client.suback(7)).toEqual([1, ...filters.slice(1).map(() => 0x80)]);
    client.close();
  });
});

describe('MQTT last wills are checked at CONNECT', () => {
  const unlock = JSON.stringify({ id: 'x', command: 'unlock', params: {} });
  const refused: [string, { topic: string; payload: string; qos?: 0 | 1; retain?: boolean }][] = [
    ["another device's command topic", { topic: 'hearth/front-door/set', payload: unlock, qos: 1 }],
    [
      "a retained will on another device's discovery config (would delete it)",
      { topic: 'homeassistant/lock/front-door/config', payload: '', retain: true },
    ],
    ['a broker topic', { topic: '$SYS/hearth/clients', payload: '0' }],
    ['a wildcard topic', { topic: 'hearth/+/set', payload: unlock }],
  ];

  for (const [what, will] of refused) {
    it(`refuses with CONNACK 5 and a log line: ${what}`, async () => {
      const before = rejections.length;
      const { client, code } = await rawDevice('lamp', { will });
      expect(code).toBe(5);
      await client.closedWithin(30_000);
      expect(rejectedSince(before, /last will/)).toMatchObject({ source: 'mqtt', clientId: 'lamp' });
    });
  }

  it("accepts a device's will on its own availability, and publishes it when the device drops", async () => {
    const { client, code } = await rawDevice('lamp', {
      will: { topic: 'hearth/lamp/availability', payload: 'offline', qos: 1, retain: true },
    });
    expect(code).toBe(0);
    client.send(publishPacket('hearth/lamp/availability', 'online', true));
    await until(async () => (await hub.api('GET', '/devices/lamp')).body.available === true, 'lamp online');
    client.close();
    await until(
      async () => (await hub.api('GET', '/devices/lamp')).body.available === false,
      'lamp offline by its will',
    );
    expect(lockCommands).toEqual([]);
  });
});

describe('MQTT grants and credentials', () => {
  it('refuses extra topics that reach other devices or every discovered device', async () => {
    for (const extraTopics of [
      ['homeassistant/#'],
      ['homeassistant/+/front-door/#'],
      ['hearth/front-door/#'],
      ['#'],
      ['plugs/+/#'],
      ['lamp/#'],
    ]) {
      const reply = await hub.api('POST', '/devices/lamp/credentials', { extraTopics });
      expect(reply.status, JSON.stringify(extraTopics)).toBe(400);
      expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    }
    const own = await hub.api('POST', '/devices/lamp/credentials', {
      extraTopics: ['plugs/lamp/#', 'homeassistant/+/lamp/#'],
    });
    expect(own.status).toBe(201);
    passwords.set('lamp', own.body.password);
  });

  it('issues no credential for an id that is no device and does not announce itself', async () => {
    const reply = await hub.api('POST', '/devices/not-a-device/credentials', {});
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toMatch(/register it first/);
    expect((await hub.api('GET', '/credentials')).body.map((c: { deviceId: string }) => c.deviceId)).not.toContain(
      'not-a-device',
    );
  });
});

describe('Home Assistant discovery cannot point the hub at another device', () => {
  let gadget: MqttClient;

  beforeAll(async () => {
    await credential('gadget', ['homeassistant/+/gadget/#', 'gadgets/gadget/#']);
    gadget = await mqtt.connectAsync(hub.runtime.mqtt.url, {
      clientId: 'gadget',
      username: 'gadget',
      password: passwords.get('gadget')!,
      reconnectPeriod: 0,
    });
  });
  afterAll(async () => {
    await gadget?.endAsync();
  });

  it('rejects a config whose command topic is a native device\'s, so no "light" can unlock the door', async () => {
    const before = rejections.length;
    const config = {
      name: 'Gadget light',
      unique_id: 'gadget',
      command_topic: 'hearth/front-door/set',
      payload_on: JSON.stringify({ id: 'x', command: 'unlock', params: {} }),
    };
    await gadget.publishAsync('homeassistant/light/gadget/config', JSON.stringify(config), { qos: 1, retain: true });
    await until(
      () => rejectedSince(before, /belongs to the broker or a native device/) !== undefined,
      'the config rejected',
    );
    expect((await hub.api('GET', '/devices/gadget')).status).toBe(404);
  });

  it("rejects a config naming topics outside the announcing device's own", async () => {
    const before = rejections.length;
    const config = {
      name: 'Gadget plug',
      unique_id: 'gadget',
      command_topic: 'plugs/other/cmnd/POWER',
      state_topic: 'gadgets/gadget/state',
    };
    await gadget.publishAsync('homeassistant/switch/gadget/config', JSON.stringify(config), { qos: 1, retain: true });
    await until(
      () => rejectedSince(before, /outside the topics of device "gadget"/) !== undefined,
      'the config rejected',
    );
    expect((await hub.api('GET', '/devices/gadget')).status).toBe(404);
  });

  it("accepts a config within the device's own topics, and commands reach only them", async () => {
    const config = {
      name: 'Gadget plug',
      unique_id: 'gadget',
      command_topic: 'gadgets/gadget/cmnd',
      state_topic: 'gadgets/gadget/state',
    };
    const received: string[] = [];
    gadget.on('message', (topic, payload) => topic === 'gadgets/gadget/cmnd' && received.push(payload.toString()));
    await gadget.subscribeAsync('gadgets/gadget/cmnd', { qos: 1 });
    await gadget.publishAsync('homeassistant/switch/gadget/config', JSON.stringify(config), { qos: 1, retain: true });
    await until(async () => (await hub.api('GET', '/devices/gadget')).status === 200, 'gadget discovered');
    const command = await hub.api('POST', '/devices/gadget/commands', { command: 'turn_on', timeoutMs: 300 });
    expect(command.status).toBeLessThan(600);
    await until(() => received.length > 0, "the command on the gadget's own topic");
    expect(lockCommands).toEqual([]);
  });
});
