import { describe, expect, it } from 'vitest';
import type { SimulatedDevice } from '../../firmware-sim/core/simulated-device.js';
import { lightBehavior } from '../../device-types/light/simulator.js';
import { useSimBench } from './sim-fixture.js';

const sim = useSimBench();

async function light(id: string, reconnectPeriodMs = 0): Promise<SimulatedDevice> {
  const device = await sim.device(id, lightBehavior, {
    connection: { reconnectPeriodMs },
    delay: { minMs: 1, maxMs: 3 },
  });
  await sim.hub.recorder.next((m) => m.topic === `hearth/${id}/availability` && m.payload === 'online');
  return device;
}

describe('fault injection', () => {
  it('an abrupt drop makes the broker publish the retained "offline" last will, and the device comes back', async () => {
    const device = await light('hall-light', 100);
    const back = new Promise<void>((resolve) => device.once('online', () => resolve()));
    device.dropConnection();
    await sim.hub.recorder.next((m) => m.topic === 'hearth/hall-light/availability' && m.payload === 'offline');
    await back;
    await sim.hub.recorder.next(() => sim.hub.availability('hall-light').length === 3);
    expect(sim.hub.availability('hall-light')).toEqual(['online', 'offline', 'online']);

    // The will is retained: a client that subscribes later still learns the last word.
    device.dropConnection({ stayOffline: true });
    await sim.hub.recorder.next(() => sim.hub.availability('hall-light').length === 4);
    expect(sim.hub.availability('hall-light')[3]).toBe('offline');
    const late = await sim.broker.client();
    const retained = new Promise<string>((resolve) => late.on('message', (_t, p) => resolve(p.toString())));
    await late.subscribeAsync('hearth/hall-light/availability');
    expect(await retained).toBe('offline');
  });

  it('stop() says offline itself (a clean shutdown) and leaves it retained', async () => {
    const device = await light('desk-lamp');
    await device.stop();
    const late = await sim.broker.client();
    const retained = new Promise<string>((resolve) => late.on('message', (_t, p) => resolve(p.toString())));
    await late.subscribeAsync('hearth/desk-lamp/availability');
    expect(await retained).toBe('offline');
  });

  it('a slow acknowledgement arrives after the state, late by the configured time', async () => {
    const device = await light('slow-light');
    device.setAckFault('slow', 400);
    const started = Date.now();
    const ack = await sim.hub.command('slow-light', 'turn_on');
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(ack).toMatchObject({ status: 'ok', state: { on: true } });
    const stateIndex = sim.hub.recorder.messages.findIndex(
      (m) => m.topic === 'hearth/slow-light/state' && m.payload.includes('"on":true'),
    );
    const ackIndex = sim.hub.recorder.messages.findIndex((m) => m.topic === 'hearth/slow-light/ack');
    expect(stateIndex).toBeGreaterThan(-1);
    expect(stateIndex).toBeLessThan(ackIndex);
  });

  it('a missing acknowledgement: the state changes but no ack ever comes', async () => {
    const device = await light('mute-light');
    device.setAckFault('missing');
    await expect(sim.hub.command('mute-light', 'turn_on', undefined, 500)).rejects.toThrow(/no matching message/);
    await sim.hub.recorder.next((m) => m.topic === 'hearth/mute-light/state' && m.payload.includes('"on":true'));
    expect(sim.hub.lastState('mute-light')).toMatchObject({ on: true });
    device.setAckFault('normal');
    expect(await sim.hub.command('mute-light', 'turn_off')).toMatchObject({ status: 'ok' });
  });

  it('publishes malformed payloads of each kind on the topic asked for', async () => {
    const device = await light('broken-light');
    await device.publishMalformed('invalid_json', 'state');
    await device.publishMalformed('wrong_schema', 'ack');
    await device.publishMalformed('random_bytes', 'event');
    await device.publishMalformed('oversize', 'state');
    const bad = await sim.hub.recorder.next(
      (m) => m.topic === 'hearth/broken-light/state' && m.payload.length > 256 * 1024,
    );
    expect(bad.payload.length).toBeGreaterThan(256 * 1024);
    const invalid = sim.hub.recorder.messages.find(
      (m) => m.topic === 'hearth/broken-light/state' && m.payload.startsWith('{"state": "on"'),
    );
    expect(() => JSON.parse(invalid!.payload)).toThrow();
    expect(
      JSON.parse((await sim.hub.recorder.next((m) => m.topic === 'hearth/broken-light/ack')).payload),
    ).toBeInstanceOf(Array);
  });
});

describe('malformed commands sent to a device', () => {
  it('drops what it cannot correlate, answers a bad command that has an id, and keeps working', async () => {
    const device = await light('sturdy-light');
    await sim.hub.publishRaw('sturdy-light', 'turn on please');
    await sim.hub.publishRaw('sturdy-light', Buffer.from([0xff, 0x00, 0x13]));
    await sim.hub.publishRaw('sturdy-light', JSON.stringify({ command: 'turn_on' }));
    await sim.hub.publishRaw('sturdy-light', JSON.stringify({ id: 'c-77', command: 5 }));
    const ack = await sim.hub.ackFor('sturdy-light', 'c-77');
    expect(ack).toMatchObject({ status: 'error', error: { code: 'VALIDATION_FAILED' } });
    expect(device.rejectedCommands).toBe(3);
    expect(await sim.hub.command('sturdy-light', 'turn_on', { color: 'blue' })).toMatchObject({
      status: 'ok',
      state: { color: 'blue' },
    });
    expect(await sim.hub.command('sturdy-light', 'turn_on', { color: 'plaid' })).toMatchObject({
      status: 'error',
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});
