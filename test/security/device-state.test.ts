/**
 * A hostile device against a real hub (real aedes, mqtt.js, SQLite): state nested 40,000 deep, state that grows by
 * thousands of keys a message, an attribute too large, a deeply nested event. Each is refused with a logged reason,
 * GET /devices keeps answering, and the other devices' states keep being saved (checked across a restart).
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvents } from '../../hub/core/events.js';
import { createLogger } from '../../hub/core/logger.js';
import { startTestHub, tempDataDir, type TestHub } from '../harness/hub.js';
import { until } from '../harness/until.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A hub whose log lines are kept, with two registered devices and their MQTT clients. */
async function hubWithDevices(dataDir = tempDataDir('hearth-state-')): Promise<{
  hub: TestHub;
  lines: string[];
  rejections: HubEvents['inputRejected'][];
  evil: MqttClient;
  lamp: MqttClient;
}> {
  const lines: string[] = [];
  const log = createLogger('warn', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const hub = await startTestHub({ dataDir, log });
  cleanups.push(() => hub.stop());
  const rejections: HubEvents['inputRejected'][] = [];
  hub.hub.events.on('inputRejected', (r) => rejections.push(r));
  const clients: Record<string, MqttClient> = {};
  for (const id of ['evil', 'lamp']) {
    if ((await hub.api('GET', `/devices/${id}`)).status === 404)
      expect((await hub.api('POST', '/devices', { id, name: id, type: 'light' })).status).toBe(201);
    const { password } = (await hub.api('POST', `/devices/${id}/credentials`, {})).body;
    clients[id] = await mqtt.connectAsync(hub.runtime.mqtt.url, {
      clientId: id,
      username: id,
      password,
      reconnectPeriod: 0,
    });
    cleanups.push(() => clients[id]!.endAsync(true));
  }
  return { hub, lines, rejections, evil: clients.evil!, lamp: clients.lamp! };
}

function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

describe('device state limits', () => {
  it('refuses state nested 40,000 deep; GET /devices answers and the other devices are still saved', async () => {
    const dataDir = tempDataDir('hearth-state-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const { hub, lines, rejections, evil, lamp } = await hubWithDevices(dataDir);
    const deep = nested(40_000);
    expect(deep.length).toBeGreaterThan(240_000);
    await evil.publishAsync('hearth/evil/state', deep, { qos: 1, retain: true });
    await lamp.publishAsync('hearth/lamp/state', JSON.stringify({ on: true, brightness: 40 }), {
      qos: 1,
      retain: true,
    });
    await until(() => rejections.some((r) => /nested deeper than 8 levels/.test(r.reason)), 'the deep state refused');
    expect(
      lines.some(
        (l) =>
          l.includes('device input rejected') &&
          l.includes('"deviceId":"evil"') &&
          l.includes('nested deeper than 8 levels'),
      ),
    ).toBe(true);
    const all = await hub.api('GET', '/devices');
    expect(all.status).toBe(200);
    expect(all.body.find((d: { id: string }) => d.id === 'evil').state).toEqual({});
    await until(async () => (await hub.api('GET', '/devices/lamp')).body.state.on === true, 'lamp state on');

    // A clean stop flushes; the restarted hub has the lamp's state, and the deep retained message is refused again.
    await hub.stop();
    cleanups.pop();
    const db = new Database(join(dataDir, 'hearth.db'), { readonly: true });
    expect(JSON.parse(db.prepare("SELECT state FROM devices WHERE id = 'lamp'").pluck().get() as string)).toEqual({
      on: true,
      brightness: 40,
    });
    db.close();
    const again = await hubWithDevices(dataDir);
    // The retained message arrives while the hub starts: its refusal is in the log from the first line on.
    await until(
      () => again.lines.some((l) => l.includes('"deviceId":"evil"') && l.includes('nested deeper than 8 levels')),
      'the retained deep state refused after the restart',
    );
    expect((await again.hub.api('GET', '/devices')).status).toBe(200);
    expect((await again.hub.api('GET', '/devices/lamp')).body.state).toMatchObject({ on: true, brightness: 40 });
  });

  it('stops a state from growing past 256 keys or 16 KB, and keeps what came before', async () => {
    const { hub, rejections, evil } = await hubWithDevices();
    // 40 messages of 10,000 new keys each: the first is refused whole.
    const huge = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    for (let i = 0; i < 3; i++) await evil.publishAsync('hearth/evil/state', JSON.stringify(huge), { qos: 1 });
    await until(
      () => rejections.filter((r) => /the state would have 10000 keys \(limit 256\)/.test(r.reason)).length === 3,
      'three huge states refused',
    );
    // Growing by 20 keys a message: accepted up to the limit, then refused.
    for (let batch = 0; batch < 20; batch++) {
      const keys = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`b${batch}_${i}`, batch]));
      await evil.publishAsync('hearth/evil/state', JSON.stringify(keys), { qos: 1 });
    }
    await until(
      () => rejections.some((r) => /the state would have 26\d keys \(limit 256\)/.test(r.reason)),
      'growth past 256 keys refused',
    );
    const state = (await hub.api('GET', '/devices/evil')).body.state as Record<string, unknown>;
    expect(Object.keys(state)).toHaveLength(240);
    // Size: one 15 KB attribute fits, a second does not; replacing the first with a small one does.
    await evil.publishAsync('hearth/evil/state', JSON.stringify({ b0_0: 'x'.repeat(12_000) }), { qos: 1 });
    await until(
      async () => String((await hub.api('GET', '/devices/evil')).body.state.b0_0).length === 12_000,
      'the 12 KB attribute',
    );
    await evil.publishAsync('hearth/evil/state', JSON.stringify({ b0_1: 'y'.repeat(5_000) }), { qos: 1 });
    await until(
      () => rejections.some((r) => /characters of JSON \(limit 16384\)/.test(r.reason)),
      'the state over 16 KB refused',
    );
    await evil.publishAsync('hearth/evil/state', JSON.stringify({ b0_0: 'small', b0_1: 'y'.repeat(5_000) }), {
      qos: 1,
    });
    await until(
      async () => (await hub.api('GET', '/devices/evil')).body.state.b0_0 === 'small',
      'the replaced attribute',
    );
    const stored = JSON.stringify((await hub.api('GET', '/devices/evil')).body.state);
    expect(stored.length).toBeLessThanOrEqual(16_384);
  });

  it('refuses a deeply nested event, and the hub keeps streaming events', async () => {
    const { hub, rejections, evil } = await hubWithDevices();
    const events: HubEvents['deviceEvent'][] = [];
    hub.hub.events.on('deviceEvent', (e) => events.push(e));
    await evil.publishAsync('hearth/evil/event', `{"type":"boom","data":${nested(20_000)}}`, { qos: 1 });
    await evil.publishAsync('hearth/evil/event', JSON.stringify({ type: 'pressed' }), { qos: 1 });
    await until(() => events.some((e) => e.type === 'pressed'), 'the plain event');
    expect(events.map((e) => e.type)).toEqual(['pressed']);
    expect(rejections.some((r) => /event refused: its data is nested deeper than 8 levels/.test(r.reason))).toBe(true);
  });

  it('drops a stored state over the limits at start, so the device is not stuck refusing every message', async () => {
    const dataDir = tempDataDir('hearth-state-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await hubWithDevices(dataDir);
    await first.hub.stop();
    cleanups.splice(0);
    // What an older hub could have stored: 420,004 attributes, 6.7 MB.
    const db = new Database(join(dataDir, 'hearth.db'));
    db.prepare("UPDATE devices SET state = ? WHERE id = 'evil'").run(
      JSON.stringify(Object.fromEntries(Array.from({ length: 420_004 }, (_, i) => [`k${i}`, i]))),
    );
    db.close();
    const { hub, lines, evil } = await hubWithDevices(dataDir);
    expect(lines.join('')).toMatch(/stored device state is over the limits/);
    expect((await hub.api('GET', '/devices/evil')).body.state).toEqual({});
    await evil.publishAsync('hearth/evil/state', JSON.stringify({ on: true }), { qos: 1 });
    await until(
      async () => (await hub.api('GET', '/devices/evil')).body.state.on === true,
      'a normal state accepted again',
    );
  });
});
