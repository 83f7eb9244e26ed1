/**
 * The skills runtime on the real pieces: embedded aedes broker, DeviceRegistry on a SQLite file, the real
 * LanguageService, and mqtt.js clients acting as devices. A typed command changes a device's state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import type { LanguageService } from '../../hub/language/service.js';
import { topics } from '../../hub/sdk/index.js';
import type { SkillRuntime } from '../../hub/skills/index.js';
import { startSkillsWithLanguage } from '../../hub/skills/testing/with-language.js';
import { builtinSkills } from '../../skills/index.js';
import { onMessage, startDevicesFixture, type DevicesFixture } from './devices-fixture.js';

let hub: DevicesFixture;
let language: LanguageService;
let runtime: SkillRuntime;

async function nativeDevice(id: string, obey = true): Promise<MqttClient> {
  const client = await hub.device(id);
  let state: Record<string, unknown> = { on: false };
  await onMessage(client, topics.set(id), (payload) => {
    const cmd = JSON.parse(payload) as { id: string; command: string; params?: Record<string, unknown> };
    if (!obey) return;
    if (cmd.command === 'turn_on') state = { ...state, on: true, ...cmd.params };
    if (cmd.command === 'turn_off') state = { ...state, on: false };
    if (cmd.command === 'play_media') state = { ...state, playing: true, media_title: cmd.params?.search_query };
    client.publish(topics.state(id), JSON.stringify(state), { retain: true });
    client.publish(topics.ack(id), JSON.stringify({ id: cmd.id, status: 'ok', state }));
  });
  await client.publishAsync(topics.availability(id), 'online', { retain: true, qos: 1 });
  await client.publishAsync(topics.state(id), JSON.stringify(state), { retain: true, qos: 1 });
  return client;
}

beforeEach(async () => {
  // The porch light (never acknowledges) waits this out; 800 ms was too short for real acks on a loaded machine.
  hub = await startDevicesFixture({ commandTimeoutMs: 5000 });
  hub.household.addFloor({ id: 'ground', name: 'Ground floor', aliases: [] });
  hub.household.addArea({ id: 'kitchen', name: 'Kitchen', aliases: [], floor: 'ground' });
  hub.household.addArea({ id: 'living_room', name: 'Living Room', aliases: [], floor: 'ground' });
  hub.registry.add({ id: 'kitchen-light', name: 'Kitchen Light', type: 'light', area: 'kitchen' });
  hub.registry.add({ id: 'kitchen-ceiling', name: 'Kitchen Ceiling Light', type: 'light', area: 'kitchen' });
  hub.registry.add({ id: 'lounge-speaker', name: 'Lounge Speaker', type: 'media_player', area: 'living_room' });
  hub.registry.add({ id: 'porch-light', name: 'Porch Light', type: 'light' });
  ({ runtime, language } = await startSkillsWithLanguage({
    devices: hub.registry,
    household: hub.household,
    db: hub.db,
    bus: hub.bus,
    dataDir: hub.dir,
    builtins: builtinSkills,
  }));
});
afterEach(async () => {
  await runtime.stop();
  await language.stop();
  await hub.close();
});

describe('skills with real devices over MQTT', () => {
  it('"turn on the kitchen light" sends a real command, waits for the ack, and the state changes', async () => {
    await nativeDevice('kitchen-light');
    const result = await runtime.handleUtterance('turn on the kitchen light');
    expect(result).toMatchObject({
      intent: { name: 'HassTurnOn' },
      skill: 'smart-home',
      targets: ['kitchen-light'],
      reply: 'Turned on the kitchen light.',
    });
    expect(hub.registry.get('kitchen-light')?.state.on).toBe(true);
    expect(hub.events.commandCompleted?.at(-1)).toMatchObject({ deviceId: 'kitchen-light', ok: true });
  });

  it('a device that never acknowledges is reported as not responding', async () => {
    await nativeDevice('porch-light', false);
    const result = await runtime.handleUtterance('turn on the porch light');
    expect(result.reply).toBe('The porch light is not responding.');
    expect(result.actions).toEqual([
      expect.objectContaining({ deviceId: 'porch-light', ok: false, error: 'DEVICE_TIMEOUT' }),
    ]);
  });

  it('dryRun sends nothing over MQTT', async () => {
    await nativeDevice('kitchen-light');
    // The retained state reaches the registry asynchronously after the PUBACK; wait for it so the check below means something.
    await expect.poll(() => hub.registry.get('kitchen-light')?.state.on, { timeout: 10_000 }).toBe(false);
    const result = await runtime.handleUtterance('turn on the kitchen light', { dryRun: true });
    expect(result.targets).toEqual(['kitchen-light']);
    expect(hub.events.commandSent ?? []).toEqual([]);
    expect(hub.registry.get('kitchen-light')?.state.on).toBe(false);
  });

  it('"play jazz in the living room" sends play_media with the query to that room\'s player', async () => {
    await nativeDevice('lounge-speaker');
    const result = await runtime.handleUtterance('play jazz in the living room');
    expect(result.skill).toBe('media');
    expect(hub.events.commandSent?.at(-1)).toMatchObject({
      deviceId: 'lounge-speaker',
      command: 'play_media',
      params: { search_query: 'jazz' },
    });
    expect(hub.registry.get('lounge-speaker')?.state.media_title).toBe('jazz');
  });
});
