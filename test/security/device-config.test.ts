/**
 * A device's description nested deeply enough to overflow every recursive copy (found re-running the issue 13
 * probe: the state limits held, but the same attack through a discovery config or the API's driverConfig left
 * GET /devices answering 500 for good). Against a real hub: refused with a reason, the device list keeps
 * answering, and a config an older hub stored is dropped at start.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../hub/core/logger.js';
import { startTestHub, tempDataDir, type TestHub } from '../harness/hub.js';
import { until } from '../harness/until.js';
import { rawRequest } from './raw-http.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hubWithLog(dataDir = tempDataDir('hearth-config-')): Promise<{ hub: TestHub; lines: string[] }> {
  const lines: string[] = [];
  const log = createLogger('warn', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const hub = await startTestHub({ dataDir, log });
  cleanups.push(() => hub.stop());
  return { hub, lines };
}

function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

describe('driver configs nested deeply', () => {
  it('refuses a discovery config nested 3,000 deep from a device; GET /devices answers, a sane config is taken', async () => {
    const { hub, lines } = await hubWithLog();
    expect((await hub.api('POST', '/devices', { id: 'bridge', name: 'Bridge', type: 'sensor' })).status).toBe(201);
    const { password } = (
      await hub.api('POST', '/devices/bridge/credentials', {
        extraTopics: ['homeassistant/+/bridge/#', 'zigbee/bridge/#'],
      })
    ).body;
    const bridge = await mqtt.connectAsync(hub.runtime.mqtt.url, {
      clientId: 'bridge',
      username: 'bridge',
      password,
      reconnectPeriod: 0,
    });
    cleanups.push(() => bridge.endAsync(true));
    const config = {
      name: 'Hall sensor',
      unique_id: 'bridge_hall',
      state_topic: 'zigbee/bridge/hall',
      value_template: '{{ value_json.t }}',
    };
    const deep = `{"name":"Hall sensor","unique_id":"bridge_hall","state_topic":"zigbee/bridge/hall","device":{"identifiers":["hall"],"x":${nested(3000)}}}`;
    expect(deep.length).toBeLessThan(64 * 1024); // inside the payload limit: only the depth can refuse it
    await bridge.publishAsync('homeassistant/sensor/bridge/hall/config', deep, { qos: 1, retain: true });
    await until(
      () =>
        lines.some(
          (l) => l.includes('discovery config rejected') && l.includes('driverConfig is nested deeper than 8 levels'),
        ),
      () => `the deep config refused:\n${lines.join('')}`,
    );
    const all = await hub.api('GET', '/devices');
    expect(all.status).toBe(200);
    expect(all.body.map((d: { id: string }) => d.id)).toEqual(['bridge']);

    await bridge.publishAsync('homeassistant/sensor/bridge/hall/config', JSON.stringify(config), {
      qos: 1,
      retain: true,
    });
    await until(async () => (await hub.api('GET', '/devices')).body.length === 2, 'the sane config taken');
    expect(lines.some((l) => l.includes('Maximum call stack'))).toBe(false);
  });

  it('answers 400 naming the limit to a driverConfig nested 40,000 deep, and stores nothing', async () => {
    const { hub } = await hubWithLog();
    const auth = { Authorization: `Bearer ${hub.token}`, 'Content-Type': 'application/json' };
    const created = await rawRequest(
      hub.runtime.http.url,
      'POST',
      '/api/v1/devices',
      auth,
      `{"id":"deep","name":"Deep","type":"light","driverConfig":${nested(40_000)}}`,
    );
    expect(created.status).toBe(400);
    expect(JSON.parse(created.body).error.message).toMatch(/driverConfig is nested deeper than 8 levels/);
    expect((await hub.api('GET', '/devices/deep')).status).toBe(404);
    expect((await hub.api('POST', '/devices', { id: 'lamp', name: 'Lamp', type: 'light' })).status).toBe(201);
    const patched = await rawRequest(
      hub.runtime.http.url,
      'PATCH',
      '/api/v1/devices/lamp',
      auth,
      `{"driverConfig":${nested(2_000)}}`,
    );
    expect(patched.status).toBe(400);
    const list = await hub.api('GET', '/devices');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ id: 'lamp' })]);
    expect(list.body[0].driverConfig).toBeUndefined();
  });

  it('drops a deep driver config an older hub stored, so the device list answers after a restart', async () => {
    const dataDir = tempDataDir('hearth-config-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await hubWithLog(dataDir);
    expect((await first.hub.api('POST', '/devices', { id: 'old', name: 'Old', type: 'light' })).status).toBe(201);
    await first.hub.stop();
    cleanups.splice(0);
    const db = new Database(join(dataDir, 'hearth.db'));
    db.prepare("UPDATE devices SET driver_config = ? WHERE id = 'old'").run(nested(5_000));
    db.close();
    const { hub, lines } = await hubWithLog(dataDir);
    expect(lines.join('')).toMatch(/stored driver config is over the limits/);
    const list = await hub.api('GET', '/devices');
    expect(list.status).toBe(200);
    expect(list.body.map((d: { id: string }) => d.id)).toEqual(['old']);
  });
});
