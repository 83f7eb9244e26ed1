import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../hub/store/database.js';
import { SqliteCredentialService } from '../../hub/mqtt/index.js';
import { startBroker, waitFor, type BrokerFixture } from './mqtt-fixtures.js';

function connect(port: number, username: string, password: string, clean = true) {
  return mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    protocolVersion: 4,
    clientId: username,
    username,
    password,
    clean,
    reconnectPeriod: 0,
  });
}

async function retainedOnce(
  port: number,
  username: string,
  password: string,
  topic: string,
): Promise<string | undefined> {
  const client = await connect(port, username, password);
  const got = new Promise<string | undefined>((resolve) => {
    client.on('message', (t, payload, packet) => {
      if (t === topic && packet.retain) resolve(payload.toString());
    });
    setTimeout(() => resolve(undefined), 1500);
  });
  await client.subscribeAsync(topic, { qos: 1 });
  const value = await got;
  await client.endAsync();
  return value;
}

describe('broker persistence on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-mqtt-persist-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps retained messages and persistent sessions (subscriptions + queued QoS 1) across a restart', async () => {
    const fx: BrokerFixture = await startBroker({ dir });
    try {
      const lamp = fx.credentials.create('lamp');
      // Device with a persistent session subscribes, publishes retained state, then goes away.
      const device = await connect(fx.broker.port, 'lamp', lamp.password, false);
      await device.subscribeAsync('hearth/lamp/set', { qos: 1 });
      await device.publishAsync('hearth/lamp/state', '{"on":false}', { qos: 1, retain: true });
      await device.endAsync();

      await fx.restart();
      const hubAfter = fx.broker.transport();
      await hubAfter.start();
      // Command sent while the device is offline: must be queued for its session.
      await hubAfter.publish('hearth/lamp/set', '{"id":"q1","command":"turn_on"}', { qos: 1 });
      await fx.restart();

      const received: string[] = [];
      const back = await mqtt.connectAsync(`mqtt://127.0.0.1:${fx.broker.port}`, {
        protocolVersion: 4,
        clientId: 'lamp',
        username: 'lamp',
        password: lamp.password,
        clean: false,
        reconnectPeriod: 0,
      });
      back.on('message', (_t, payload) => received.push(payload.toString()));
      await waitFor(() => received.length > 0, 30_000, 'queued command');
      expect(received).toEqual(['{"id":"q1","command":"turn_on"}']);
      await back.endAsync();

      expect(await retainedOnce(fx.broker.port, 'lamp', lamp.password, 'hearth/lamp/state')).toBe('{"on":false}');
      // Retained state reaches the hub's embedded transport too.
      const hubNow = fx.broker.transport();
      const states: string[] = [];
      await hubNow.subscribe('hearth/+/state', (m) => states.push(m.payload.toString()));
      expect(states).toEqual(['{"on":false}']);
    } finally {
      await fx.close();
    }
  });

  it('keeps a retained QoS 1 publish after kill -9 once its write-behind interval has passed', async () => {
    const db = openDatabase(join(dir, 'hub.db'));
    const lamp = new SqliteCredentialService(db).create('lamp');
    db.close();
    const script = fileURLToPath(new URL('./mqtt-child/broker-process.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, '100'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /PORT (\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        child.once('exit', (code) => reject(new Error(`broker child exited early (${code})`)));
      });
      const device = await connect(port, 'lamp', lamp.password);
      await device.publishAsync('hearth/lamp/state', '{"on":true,"brightness":40}', { qos: 1, retain: true });
      // Retained messages are written behind (retained-write-behind.ts): wait for the row, then kill without a flush.
      const file = openDatabase(join(dir, 'mqtt-broker.db'));
      try {
        await waitFor(
          () => file.prepare('SELECT 1 FROM retained WHERE topic = ?').get('hearth/lamp/state') !== undefined,
          30_000,
          'retained row',
        );
      } finally {
        file.close();
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      await device.endAsync(true);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }

    const fx = await startBroker({ dir });
    try {
      expect(await retainedOnce(fx.broker.port, 'lamp', lamp.password, 'hearth/lamp/state')).toBe(
        '{"on":true,"brightness":40}',
      );
    } finally {
      await fx.close();
    }
  });
});
