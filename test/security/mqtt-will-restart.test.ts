/**
 * The will attack of the probe, end to end: a `hearth start` process is killed with SIGKILL while devices are
 * connected, wills a hub that did not check them could have stored are put beside the real ones, and the
 * restarted hub's dead-broker sweep (400 ms here, mqtt.deadBrokerSweepMs) publishes only the legitimate will.
 */
import Database from 'better-sqlite3';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { encodePacket } from '../../hub/mqtt/persistence/packet-codec.js';
import { apiCall, spawnHubProcess, tempDataDir, type HubProcess } from '../harness/hub.js';
import { until, untilValue } from '../harness/until.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startHub(dataDir: string, configFile: string): Promise<HubProcess> {
  const proc = await spawnHubProcess(dataDir, ['--config', configFile]);
  cleanups.push(() => proc.child.kill('SIGKILL'));
  return proc;
}

function connect(
  proc: HubProcess,
  id: string,
  password: string,
  options: mqtt.IClientOptions = {},
): Promise<MqttClient> {
  return mqtt.connectAsync(proc.runtime.mqtt.url, {
    clientId: id,
    username: id,
    password,
    reconnectPeriod: 0,
    ...options,
  });
}

describe('last wills after an unclean hub exit', () => {
  it("publishes a device's own will and refuses, deletes and logs every will outside its owner's topics", async () => {
    const dataDir = tempDataDir('hearth-will-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const configFile = join(dataDir, 'test-config.yaml');
    writeFileSync(configFile, 'mqtt:\n  deadBrokerSweepMs: 400\n');

    let proc = await startHub(dataDir, configFile);
    const api = (method: string, path: string, body?: unknown) =>
      apiCall(proc.runtime.http.url, proc.token, method, path, body);
    const passwords: Record<string, string> = {};
    for (const device of [
      { id: 'front-door', name: 'Front door', type: 'lock' },
      { id: 'porch', name: 'Porch light', type: 'light' },
    ]) {
      expect((await api('POST', '/devices', device)).status).toBe(201);
      passwords[device.id] = (await api('POST', `/devices/${device.id}/credentials`, {})).body.password;
    }
    // The lock keeps a persistent session, so a command published while it reconnects is queued for it.
    let lock = await connect(proc, 'front-door', passwords['front-door']!, { clean: false });
    await lock.subscribeAsync('hearth/front-door/set', { qos: 1 });
    await lock.endAsync();
    const porch = await connect(proc, 'porch', passwords.porch!, {
      will: { topic: 'hearth/porch/availability', payload: Buffer.from('offline'), qos: 1, retain: true },
    });
    porch.on('error', () => undefined);
    await porch.publishAsync('hearth/porch/availability', 'online', { qos: 1, retain: true });
    await until(async () => (await api('GET', '/devices/porch')).body.available === true, 'porch online');

    proc.child.kill('SIGKILL');
    await proc.exited;
    porch.end(true);

    // Wills a hub that did not check them at CONNECT could have stored, next to the porch's real one.
    const unlock = Buffer.from(JSON.stringify({ id: 'x', command: 'unlock', params: {} }));
    const brokerDb = new Database(join(dataDir, 'mqtt-broker.db'));
    const brokerId = (brokerDb.prepare("SELECT broker_id FROM wills WHERE client_id = 'porch'").pluck().get() as
      | string
      | undefined)!;
    expect(brokerId).toBeDefined();
    const insert = brokerDb.prepare('INSERT INTO wills (client_id, broker_id, packet) VALUES (?, ?, ?)');
    const planted = [
      { clientId: 'porch:evil', topic: 'hearth/front-door/set' },
      { clientId: 'ghost', topic: 'hearth/front-door/set' },
      { clientId: 'porch:sys', topic: '$SYS/hearth/broker' },
    ];
    for (const will of planted) {
      insert.run(
        will.clientId,
        brokerId,
        encodePacket({
          cmd: 'publish',
          topic: will.topic,
          payload: unlock,
          qos: 1,
          retain: false,
          dup: false,
          brokerId,
          brokerCounter: 1,
          clientId: will.clientId,
        } as never),
      );
    }
    brokerDb.close();

    proc = await startHub(dataDir, configFile);
    lock = await connect(proc, 'front-door', passwords['front-door']!, { clean: false });
    const lockReceived: string[] = [];
    lock.on('message', (_topic, payload) => lockReceived.push(payload.toString()));
    cleanups.push(() => lock.endAsync());

    // The sweep handled every stored will: the planted ones refused (and logged), the porch's own published.
    await until(
      () => (proc.output().match(/stored will refused/g) ?? []).length >= planted.length,
      () => `three refusals in the log:\n${proc.output()}`,
      20_000,
    );
    const brokerDbNow = new Database(join(dataDir, 'mqtt-broker.db'), { readonly: true });
    await until(
      () => brokerDbNow.prepare('SELECT count(*) FROM wills').pluck().get() === 0,
      'every stored will handled and deleted',
      20_000,
    );
    brokerDbNow.close();
    expect(proc.output()).not.toMatch(/stored will refused[^\n]*hearth\/porch\/availability/);
    await untilValue(
      async () => (await api('GET', '/devices/porch')).body,
      (d) => d?.available === false,
      'porch offline by its will',
      15_000,
    );
    const porchAgain = await connect(proc, 'porch', passwords.porch!);
    cleanups.push(() => porchAgain.endAsync());
    let retained: string | undefined;
    porchAgain.on('message', (_topic, payload, packet) => {
      if (packet.retain) retained = payload.toString();
    });
    await porchAgain.subscribeAsync('hearth/porch/availability', { qos: 1 });
    await until(() => retained !== undefined, 'the retained availability of the porch');
    expect(retained).toBe('offline');

    // A real command sent after the sweep arrives after anything the sweep published to the lock: the lock sees it alone.
    await lock.publishAsync('hearth/front-door/availability', 'online', { qos: 1, retain: true });
    await until(async () => (await api('GET', '/devices/front-door')).body.available === true, 'the lock online');
    const sent = await api('POST', '/devices/front-door/commands', { command: 'lock', timeoutMs: 200 });
    expect(sent.status, JSON.stringify(sent.body)).toBeOneOf([200, 504]); // 504: sent, the test's lock does not acknowledge
    await until(() => lockReceived.length > 0, 'the lock command reaching the lock');
    expect(lockReceived.map((raw) => JSON.parse(raw).command)).toEqual(['lock']);
    expect(proc.output()).toMatch(/stored will refused: last will on \\"hearth\/front-door\/set\\" is outside/);
    expect(proc.output()).toMatch(/stored will refused: the will's client \\"ghost\\" has no credential/);
    expect((await api('GET', '/devices/front-door')).body.state).toEqual({});
  }, 60_000);
});
