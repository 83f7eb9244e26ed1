import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { topics } from '../../hub/sdk/index.js';
import { seededBytes, seededInt, seededRandom } from '../harness/seeded-random.js';
import { onMessage, startDevicesFixture, waitFor, type DevicesFixture } from './devices-fixture.js';

let hub: DevicesFixture;
let device: MqttClient;
beforeAll(async () => {
  hub = await startDevicesFixture();
  hub.registry.add({ id: 'lamp', name: 'Living room lamp', type: 'light' });
  hub.registry.add({ id: 'car', name: 'The car', type: 'vehicle' });
  device = await hub.device('fuzzer');
  await onMessage(device, topics.set('lamp'), (payload) => {
    const cmd = JSON.parse(payload) as { id: string };
    device.publish(topics.ack('lamp'), JSON.stringify({ id: cmd.id, status: 'ok', state: { on: true } }));
  });
  // The lamp is online, as a device says when it connects; the hub refuses commands to one it has never heard from.
  await device.publishAsync(topics.availability('lamp'), 'online', { qos: 1 });
  await waitFor(() => hub.registry.get('lamp')!.available, 'the lamp online');
});
afterAll(async () => hub.close());

/** Seeded, so every run sends the same bytes (random bytes could, now and then, form a valid payload). */
const random = seededRandom(20_240_611);

/** One malformed input of a random kind, and the topic it goes to. */
function malformed(i: number): [string, Buffer | string] {
  const target = i % 2 ? 'lamp' : 'car';
  switch (i % 8) {
    case 0:
      return [topics.state(target), seededBytes(random, seededInt(random, 1, 200))];
    case 1:
      return [topics.state(target), `{"on": tru${i}`];
    case 2:
      return [topics.state(target), JSON.stringify(i % 2 ? { brightness: 1000 + i } : { battery_percent: -i - 1 })];
    case 3:
      return [topics.ack(target), JSON.stringify({ id: `x${i}`, status: 'maybe' })];
    case 4:
      return [topics.availability(target), `sometimes-${i}`];
    case 5:
      return [topics.event(target), JSON.stringify({ no_type: i })];
    case 6:
      return [`homeassistant/light/fuzz${i}/config`, JSON.stringify({ name: `fuzz ${i}`, stat_t: 'x' })];
    default:
      return [`homeassistant/sensor/fuzz${i}/config`, seededBytes(random, seededInt(random, 1, 100))];
  }
}

describe('malformed device input', () => {
  it('rejects 10,000 malformed payloads and discovery configs, one event each, and still answers commands', async () => {
    const before = hub.registry.get('lamp')!;
    const count = 10_000;
    for (let i = 0; i < count; i++) {
      const [topic, payload] = malformed(i);
      device.publish(topic, payload);
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => (hub.events.inputRejected?.length ?? 0) >= count, '10,000 rejections', 20_000);
    expect(hub.events.inputRejected).toHaveLength(count);
    expect(hub.events.deviceStateChanged ?? []).toEqual([]);
    expect(
      hub.registry
        .list()
        .map((d) => d.id)
        .sort(),
    ).toEqual(['car', 'lamp']);
    expect(hub.registry.get('lamp')!.state).toEqual(before.state);
    const result = await hub.registry.command('lamp', { command: 'turn_on' });
    expect(result.state).toEqual({ on: true });
  });
});
