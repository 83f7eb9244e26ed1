import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedDevice } from '../../firmware-sim/core/simulated-device.js';
import { lightBehavior } from '../../firmware-sim/devices/light/behavior.js';
import { HubRole } from '../../firmware-sim/testing/hub-role.js';
import { LoopbackBroker } from '../../firmware-sim/testing/loopback-broker.js';

const broker = new LoopbackBroker();
let hub: HubRole;
const devices: SimulatedDevice[] = [];

async function light(id: string, reconnectPeriodMs = 0): Promise<SimulatedDevice> {
  const device = new SimulatedDevice({
    id,
    behavior: lightBehavior,
    connection: { url: broker.url, reconnectPeriodMs },
    delay: { minMs: 1, maxMs: 3 },
  });
  devices.push(device);
  await device.start();
  await hub.recorder.next((m) => m.topic === `hearth/${id}/availability` && m.payload === 'online');
  return device;
}

beforeAll(async () => {
  await broker.start();
  hub = await HubRole.attach(await broker.client());
});

afterAll(async () => {
  await Promise.all(devices.map((d) => d.stop()));
  await broker.stop();
});

describe('fault injection', () => {
  it('an abrupt drop makes the broker publish the retained "offline" last will, and the device comes back', async () => {
    const device = await light('hall-light', 100);
    const back = new Promise<void>((resolve) => device.once('online', () => resolve()));
    device.dropConnection();
    await hub.recorder.next((m) => m.topic === 'hearth/hall-light/availability' && m.payload === 'offline');
    await back;
    await hub.recorder.next(() => hub.availability('hall-light').length === 3);
    expect(hub.availability('hall-light')).toEqual(['online', 'offline', 'online']);

    // The will is retained: a client that subscribes later still learns the last word.
    device.dropConnection({ stayOffline: true });
    await hub.recorder.next(() => hub.availability('hall-light').length === 4);
    expect(hub.availability('hall-light')[3]).toBe('offline');
    const late = await broker.client();
    const retained = new Promise<string>((resolve) => late.on('message', (_t, p) => resolve(p.toString())));
    await late.subscribeAsync('hearth/hall-light/availability');
    expect(await retained).toBe('offline');
  });

  it('stop() says offline itself (a clean shutdown) and leaves it retained', async () => {
    const device = await light('desk-lamp');
    await device.stop();
    const late = await broker.client();
    const retained = new Promise<string>((resolve) => late.on('message', (_t, p) => resolve(p.toString())));
    await late.subscribeAsync('hearth/desk-lamp/availability');
    expect(await retained).toBe('offline');
  });

  it('a slow acknowledgement arrives after the state, late by the configured time', async () => {
    const device = await light('slow-light');
    device.setAckFault('slow', 400);
    const started = Date.now();
    const ack = await hub.command('slow-light', 'turn_on');
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(ack).toMatchObject({ status: 'ok', state: { on: true } });
    const stateIndex = hub.recorder.messages.findIndex((m) => m.topic === 'hearth/slow-light/state' && m.payload.includes('"on":true'));
    const ackIndex = hub.recorder.messages.findIndex((m) => m.topic === 'hearth/slow-light/ack');
    expect(stateIndex).toBeGreaterThan(-1);
    expect(stateIndex).toBeLessThan(ackIndex);
  });

  it('a missing acknowledgement: the state changes but no ack ever comes', async () => {
    const device = await light('mute-light');
    device.setAckFault('missing');
    await expect(hub.command('mute-light', 'turn_on', undefined, 500)).rejects.toThrow(/no matching message/);
    await hub.recorder.next((m) => m.topic === 'hearth/mute-light/state' && m.payload.includes('"on":true'));
    expect(hub.lastState('mute-light')).toMatchObject({ on: true });
    device.setAckFault('normal');
    expect(await hub.command('mute-light', 'turn_off')).toMatchObject({ status: 'ok' });
  });

  it('publishes malformed payloads of each kind on the topic asked for', async () => {
    const device = await light('broken-light');
    await device.publishMalformed('invalid_json', 'state');
    await device.publishMalformed('wrong_schema', 'ack');
    await device.publishMalformed('random_bytes', 'event');
    await device.publishMalformed('oversize', 'state');
    const bad = await hub.recorder.next((m) => m.topic === 'hearth/broken-light/state' && m.payload.length > 256 * 1024);
    expect(bad.payload.length).toBeGreaterThan(256 * 1024);
    const invalid = hub.recorder.messages.find((m) => m.topic === 'hearth/broken-light/state' && m.payload.startsWith('{"state": "on"'));
    expect(() => JSON.parse(invalid!.payload)).toThrow();
    expect(JSON.parse((await hub.recorder.next((m) => m.topic === 'hearth/broken-light/ack')).payload)).toBeInstanceOf(Array);
  });
});

describe('malformed commands sent to a device', () => {
  it('drops what it cannot correlate, answers a bad command that has an id, and keeps working', async () => {
    const device = await light('sturdy-light');
    await hub.publishRaw('sturdy-light', 'turn on please');
    await hub.publishRaw('sturdy-light', Buffer.from([0xff, 0x00, 0x13]));
    await hub.publishRaw('sturdy-light', JSON.stringify({ command: 'turn_on' }));
    await hub.publishRaw('sturdy-light', JSON.stringify({ id: 'c-77', command: 5 }));
    const ack = await hub.ackFor('sturdy-light', 'c-77');
    expect(ack).toMatchObject({ status: 'error', error: { code: 'VALIDATION_FAILED' } });
    expect(device.rejectedCommands).toBe(3);
    expect(await hub.command('sturdy-light', 'turn_on', { color: 'blue' })).toMatchObject({ status: 'ok', state: { color: 'blue' } });
    expect(await hub.command('sturdy-light', 'turn_on', { color: 'plaid' })).toMatchObject({ status: 'error', error: { code: 'VALIDATION_FAILED' } });
  });
});
