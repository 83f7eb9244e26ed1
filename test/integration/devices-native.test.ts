import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { topics, type HubError } from '../../hub/sdk/index.js';
import { seededBytes, seededRandom } from '../harness/seeded-random.js';
import { onMessage, startDevicesFixture, waitFor, type DevicesFixture } from './devices-fixture.js';

let hub: DevicesFixture;
beforeEach(async () => {
  hub = await startDevicesFixture();
  hub.household.addFloor({ id: 'ground', name: 'Ground floor', aliases: [] });
  hub.household.addArea({ id: 'kitchen', name: 'Kitchen', aliases: [], floor: 'ground' });
});
afterEach(async () => hub.close());

/** A native light that obeys commands and acks with its new state. */
async function nativeLight(id: string, behaviour: 'obey' | 'silent' | 'refuse' = 'obey') {
  const client = await hub.device(id, { topic: topics.availability(id), payload: 'offline' });
  let state: Record<string, unknown> = { on: false, brightness: 0 };
  const received: unknown[] = [];
  await onMessage(client, topics.set(id), (payload) => {
    const cmd = JSON.parse(payload) as { id: string; command: string; params?: Record<string, unknown> };
    received.push(cmd);
    if (behaviour === 'silent') return;
    if (behaviour === 'refuse') {
      client.publish(
        topics.ack(id),
        JSON.stringify({ id: cmd.id, status: 'error', error: { code: 'overheated', message: 'bulb too hot' } }),
      );
      return;
    }
    if (cmd.command === 'turn_on') state = { ...state, on: true, ...cmd.params };
    if (cmd.command === 'turn_off') state = { ...state, on: false };
    client.publish(topics.state(id), JSON.stringify(state), { retain: true });
    client.publish(topics.ack(id), JSON.stringify({ id: cmd.id, status: 'ok', state }));
  });
  await client.publishAsync(topics.availability(id), 'online', { retain: true, qos: 1 });
  await client.publishAsync(topics.state(id), JSON.stringify(state), { retain: true, qos: 1 });
  return { client, received };
}

describe('native devices over a real broker', () => {
  it('commands a light and resolves with the acknowledged state', async () => {
    hub.registry.add({ id: 'kitchen-light', name: 'Kitchen light', type: 'light', area: 'kitchen' });
    const light = await nativeLight('kitchen-light');
    await waitFor(() => hub.registry.get('kitchen-light')?.available === true, 'light online');

    const result = await hub.registry.command('kitchen-light', { command: 'turn_on', params: { brightness: 40 } });
    expect(result.state).toMatchObject({ on: true, brightness: 40 });
    expect(light.received).toEqual([{ id: result.correlationId, command: 'turn_on', params: { brightness: 40 } }]);
    expect(hub.registry.get('kitchen-light')?.state).toMatchObject({ on: true, brightness: 40 });
    const changes = hub.events.deviceStateChanged?.filter((e) => e.deviceId === 'kitchen-light') ?? [];
    expect(changes.at(-1)?.changed).toEqual({ on: true, brightness: 40 });
    expect(hub.events.commandCompleted?.at(-1)).toMatchObject({ deviceId: 'kitchen-light', ok: true });
  });

  it('validates params and commands before publishing anything', async () => {
    hub.registry.add({ id: 'kitchen-light', name: 'Kitchen light', type: 'light' });
    const light = await nativeLight('kitchen-light');
    await expect(
      hub.registry.command('kitchen-light', { command: 'turn_on', params: { brightness: 250 } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('brightness'),
    });
    await expect(hub.registry.command('kitchen-light', { command: 'open' })).rejects.toMatchObject({
      code: 'UNSUPPORTED_COMMAND',
      message: expect.stringContaining('turn_on, turn_off, toggle'),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(light.received).toEqual([]);
  });

  it('times out with DEVICE_TIMEOUT naming the device and rejects on an error ack', async () => {
    hub.registry.add({ id: 'silent-light', name: 'Kitchen light', type: 'light' });
    hub.registry.add({ id: 'hot-light', name: 'Porch light', type: 'light' });
    await nativeLight('silent-light', 'silent');
    await nativeLight('hot-light', 'refuse');
    await waitFor(() => hub.registry.get('silent-light')?.available === true, 'silent light online');
    const timeout = hub.registry.command('silent-light', { command: 'turn_on' }, { timeoutMs: 200 });
    await expect(timeout).rejects.toMatchObject({
      code: 'DEVICE_TIMEOUT',
      message: 'The Kitchen light did not acknowledge "turn_on" within 200 ms; is it online?',
    });
    await expect(hub.registry.command('hot-light', { command: 'turn_on' })).rejects.toMatchObject({
      code: 'DEVICE_REJECTED',
      message: expect.stringContaining('bulb too hot'),
    });
  });

  it('marks a device offline when its last will fires and refuses commands at once', async () => {
    hub.registry.add({ id: 'kitchen-light', name: 'Kitchen light', type: 'light' });
    const light = await nativeLight('kitchen-light');
    await waitFor(() => hub.registry.get('kitchen-light')?.available === true, 'online');
    light.client.stream.destroy();
    await waitFor(() => hub.registry.get('kitchen-light')?.available === false, 'offline after last will');
    expect(hub.events.deviceAvailabilityChanged?.map((e) => e.available)).toEqual([true, false]);
    const error = await hub.registry.command('kitchen-light', { command: 'turn_on' }).catch((e: HubError) => e);
    expect(error).toMatchObject({ code: 'DEVICE_UNAVAILABLE' });
  });

  it('rejects malformed payloads with an event each, keeps state, and keeps answering commands', async () => {
    hub.registry.add({ id: 'kitchen-light', name: 'Kitchen light', type: 'light' });
    const light = await nativeLight('kitchen-light');
    await waitFor(() => hub.registry.get('kitchen-light')?.state.on === false, 'initial state');
    const before = hub.registry.get('kitchen-light')!.state;
    const noise = seededRandom(64); // the same bytes every run
    const bad: (string | Buffer)[] = [
      '{not json',
      JSON.stringify({ brightness: 500 }),
      JSON.stringify([1, 2, 3]),
      JSON.stringify({ on: 'yes' }),
      Buffer.alloc(20 * 1024, 'x'), // over the registry's 16 KiB limit, under the broker's 64 KiB
      ...Array.from({ length: 20 }, () => seededBytes(noise, 64)),
    ];
    const rejectedBefore = hub.events.inputRejected?.length ?? 0;
    for (const payload of bad) await light.client.publishAsync(topics.state('kitchen-light'), payload, { qos: 1 });
    await light.client.publishAsync(topics.ack('kitchen-light'), '{"id":"x"}', { qos: 1 });
    await light.client.publishAsync(topics.event('kitchen-light'), '{"kind":"no type"}', { qos: 1 });
    await light.client.publishAsync(topics.availability('kitchen-light'), 'maybe', { qos: 1 });
    const expected = bad.length + 3;
    await waitFor(() => (hub.events.inputRejected?.length ?? 0) - rejectedBefore >= expected, 'rejections');
    expect((hub.events.inputRejected?.length ?? 0) - rejectedBefore).toBe(expected);
    expect(hub.events.inputRejected?.at(-1)).toMatchObject({
      source: 'mqtt',
      topic: topics.availability('kitchen-light'),
    });
    expect(hub.registry.get('kitchen-light')!.state).toEqual(before);
    const result = await hub.registry.command('kitchen-light', { command: 'turn_on' });
    expect(result.state.on).toBe(true);
  });

  it('forwards validated device events (appliance consumable_low)', async () => {
    hub.registry.add({ id: 'washer', name: 'Washing machine', type: 'appliance', deviceClass: 'washer' });
    const client = await hub.device('washer');
    await hub.registry.listening('washer');
    await client.publishAsync(
      topics.event('washer'),
      JSON.stringify({ type: 'consumable_low', consumable: 'detergent', level: 8 }),
      { qos: 1 },
    );
    await client.publishAsync(
      topics.event('washer'),
      JSON.stringify({ type: 'consumable_low', consumable: 'detergent' }),
      { qos: 1 },
    );
    await client.publishAsync(
      topics.state('washer'),
      JSON.stringify({ program_state: 'running', consumables: { detergent_percent: 8 } }),
      { qos: 1 },
    );
    await waitFor(
      () =>
        (hub.events.deviceEvent?.length ?? 0) === 1 && hub.registry.get('washer')?.state.program_state === 'running',
      'event and state',
    );
    expect(hub.events.deviceEvent?.[0]).toEqual({
      deviceId: 'washer',
      type: 'consumable_low',
      data: { consumable: 'detergent', level: 8 },
    });
    await waitFor(
      () => (hub.events.inputRejected ?? []).some((e) => e.reason.includes('level')),
      'invalid event rejected',
    );
  });

  it('keeps devices, areas, state and origin across a restart; config is the truth for config devices', async () => {
    hub.household.seedFromConfig({
      floors: [{ id: 'ground', name: 'Ground floor', aliases: [] }],
      areas: [{ id: 'kitchen', name: 'Kitchen', aliases: ['cooking area'], floor: 'ground' }],
    });
    hub.registry.seedFromConfig({
      devices: [
        { id: 'kettle', name: 'Kettle', aliases: [], type: 'switch', area: 'kitchen' },
        { id: 'old', name: 'Old lamp', aliases: [], type: 'light' },
      ],
    });
    hub.registry.add({ id: 'api-lamp', name: 'Desk lamp', type: 'light' });
    const client = await hub.device('kettle');
    await client.publishAsync(topics.state('kettle'), JSON.stringify({ on: true, power_w: 1800 }), { qos: 1 });
    await waitFor(() => hub.registry.get('kettle')?.state.power_w === 1800, 'kettle state');
    await client.endAsync();

    await hub.restart();
    hub.registry.seedFromConfig({
      devices: [{ id: 'kettle', name: 'Electric kettle', aliases: ['tea'], type: 'switch', area: 'kitchen' }],
    });
    expect(hub.household.getArea('kitchen')).toEqual({
      id: 'kitchen',
      name: 'Kitchen',
      aliases: ['cooking area'],
      floor: 'ground',
    });
    expect(hub.registry.get('kettle')).toMatchObject({
      name: 'Electric kettle',
      aliases: ['tea'],
      origin: 'config',
      state: { on: true, power_w: 1800 },
    });
    expect(hub.registry.get('old')).toBeUndefined();
    expect(hub.registry.get('api-lamp')).toMatchObject({ origin: 'api', driver: 'hearth' });
    expect(hub.registry.list({ floor: 'ground' }).map((d) => d.id)).toEqual(['kettle']);
    expect(() => hub.household.removeArea('kitchen')).toThrow(/still has devices/);
    const updates = hub.events.deviceUpdated?.length ?? 0;
    hub.registry.seedFromConfig(
      Object.freeze({
        devices: Object.freeze([
          Object.freeze({
            id: 'kettle',
            name: 'Electric kettle',
            aliases: Object.freeze(['tea']),
            type: 'switch' as const,
            area: 'kitchen',
          }),
        ]),
      }),
    );
    expect(hub.events.deviceUpdated?.length ?? 0).toBe(updates);
  });

  it('validates registry input with coded errors and filters lists', () => {
    hub.registry.add({ id: 'oven', name: 'Oven', type: 'appliance', area: 'kitchen', deviceClass: 'oven' });
    expect(() => hub.registry.add({ id: 'oven', name: 'Oven 2', type: 'appliance' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => hub.registry.add({ id: 'x', name: 'X', type: 'light', area: 'attic' })).toThrow(
      expect.objectContaining({ code: 'AREA_NOT_FOUND' }),
    );
    expect(() => hub.registry.add({ id: 'y', name: 'Y', type: 'lamp' as never })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('type') }),
    );
    expect(() => hub.registry.add({ id: 'z', name: 'Z', type: 'light', driver: 'zwave' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('zwave') }),
    );
    expect(() => hub.registry.require('nope')).toThrow(expect.objectContaining({ code: 'DEVICE_NOT_FOUND' }));
    expect(() => hub.registry.update('oven', { area: 'garden' })).toThrow(
      expect.objectContaining({ code: 'AREA_NOT_FOUND' }),
    );
    expect(hub.registry.update('oven', { area: null, aliases: ['stove'] })).toMatchObject({ aliases: ['stove'] });
    expect(hub.registry.get('oven')?.area).toBeUndefined();
    hub.registry.add({ id: 'lamp', name: 'Lamp', type: 'light', area: 'kitchen' });
    expect(hub.registry.list({ type: 'light' }).map((d) => d.id)).toEqual(['lamp']);
    expect(hub.registry.list({ area: 'kitchen' }).map((d) => d.id)).toEqual(['lamp']);
    hub.registry.remove('lamp');
    expect(hub.events.deviceRemoved).toEqual([{ deviceId: 'lamp' }]);
    expect(() => hub.registry.remove('lamp')).toThrow(expect.objectContaining({ code: 'DEVICE_NOT_FOUND' }));
  });
});
