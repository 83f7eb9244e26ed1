/**
 * A type's words and rules come from its folder alone: a wall safe that exists only in a test folder
 * (test/fixtures/device-types/wall_safe/) is added to the registration list, and a real hub (embedded broker, the
 * smart-home skill, the language service) reads its class words, its action words in the shared on/off intents and
 * its command that opens the house from there. An MQTT client on loopback plays the safe.
 */
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { topics } from '../../hub/sdk/index.js';
import { connectDevice } from '../harness/device-client.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { untilValue } from '../harness/until.js';

vi.mock('../../device-types/list.js', async (original) =>
  (await import('../harness/fixture-device-types.js')).withFixtureType(original, 'wall_safe'),
);

let hub: TestHub;
let safe: MqttClient;
const received: string[] = [];

const say = async (text: string): Promise<string> => {
  const res = await hub.api('POST', '/utterances', { text });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return String(res.body.reply ?? '');
};
const locked = async () => (await hub.api('GET', '/devices/study-safe')).body.state.locked as boolean | undefined;
const becomes = (value: boolean) => untilValue(locked, (v) => v === value, `the safe ${value ? 'locked' : 'unlocked'}`);

beforeAll(async () => {
  hub = await startTestHub();
  expect((await hub.api('POST', '/areas', { id: 'study', name: 'Study', aliases: [] })).status).toBe(201);
  const added = await hub.api('POST', '/devices', {
    id: 'study-safe',
    name: 'Wall Safe',
    type: 'wall_safe',
    area: 'study',
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  safe = await connectDevice(hub, 'study-safe');
  let state = { locked: true };
  await safe.subscribeAsync(topics.set('study-safe'), { qos: 1 });
  safe.on('message', (topic, payload) => {
    if (topic !== topics.set('study-safe')) return;
    const cmd = JSON.parse(payload.toString()) as { id: string; command: string };
    received.push(cmd.command);
    state = { locked: cmd.command === 'lock' };
    safe.publish(topics.state('study-safe'), JSON.stringify(state), { retain: true });
    safe.publish(topics.ack('study-safe'), JSON.stringify({ id: cmd.id, status: 'ok', state }));
  });
  await safe.publishAsync(topics.availability('study-safe'), 'online', { retain: true, qos: 1 });
  await safe.publishAsync(topics.state('study-safe'), JSON.stringify(state), { retain: true, qos: 1 });
  await untilValue(
    async () => (await hub.api('GET', '/devices/study-safe')).body,
    (d) => d?.available === true,
    'the safe online',
  );
}, 90_000);

afterAll(async () => {
  await safe?.endAsync();
  await hub?.stop();
});

describe("a type's words and rules, from its folder alone", () => {
  it('its action words and class words: "crack open the strongbox in the study" asks first, then unlocks on yes', async () => {
    // Neither a device name nor a sentence: the class word "strongbox", the room, and the type's own "crack … open".
    expect(await say('crack open the strongbox in the study')).toBe('Do you want me to unlock the wall safe?');
    expect(received).toEqual([]);
    expect(await locked()).toBe(true);
    expect(await say('yes')).toMatch(/unlocked the wall safe/i);
    await becomes(false);
    expect(received).toEqual(['unlock']);
  });

  it('"no" sends nothing: the command that opens it is held until the answer', async () => {
    await say('seal the safes in the study');
    await becomes(true);
    received.length = 0;
    expect(await say('crack the study safe open')).toBe('Do you want me to unlock the wall safe?');
    await say('no');
    expect(received).toEqual([]);
    expect(await locked()).toBe(true);
  });

  it('its "seal" locks at once: locking never asks', async () => {
    received.length = 0;
    expect(await say('seal the strongbox in the study')).toBe('Locked the wall safe.');
    expect(received).toEqual(['lock']);
  });
});
