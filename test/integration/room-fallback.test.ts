/**
 * "turn on the lights" heard in a room that has none. The language service widens such a request to the whole home;
 * acting on every light (or every valve, gas included) in the house from a room that has none is not what the person
 * meant, so the smart-home skill asks which one and sends nothing until answered. "all the lights" still means all
 * of them, a room that has the devices keeps its own, and questions about state are answered for the whole home.
 * Through a real hub whose simulated devices are connected to its aedes broker.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SimulatedDevice } from '../../firmware-sim/core/simulated-device.js';
import { groundFloorHome } from '../harness/household.js';
import { untilValue } from '../harness/until.js';
import { hubWithHouseholdForTests } from '../harness/hub-for-tests.js';

const home = groundFloorHome({
  kitchen: [['kitchen-light', 'kitchen light', 'light']],
  'living room': [['floor-lamp', 'floor lamp', 'light']],
  hallway: [['hallway-light', 'hallway light', 'light']],
  garage: [['garage-plug', 'garage socket', 'plug']],
});
const LIGHTS = ['kitchen-light', 'floor-lamp', 'hallway-light'];

let sent: string[] = [];

const say = async (text: string, area: string): Promise<{ reply: string; intent?: { name: string } }> => {
  const res = await running.hub.api('POST', '/utterances', { text, area, user: 'sam' });
  expect(res.status, `"${text}": ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
};

const lightIsOn = async (id: string): Promise<unknown> =>
  (await running.hub.api<{ state: { on?: boolean } }>('GET', `/devices/${id}`)).body.state.on;

const running = hubWithHouseholdForTests(home);
beforeAll(async () => {
  running.hub.hub.events.on('commandSent', (e) => sent.push(`${e.deviceId} ${e.command}`));
});

describe('a change asked for in a room that has no such device', () => {
  it('asks which one and sends nothing; the answer acts on that one device only', async () => {
    for (const id of LIGHTS) expect(running.household.devices.get(id)).toBeInstanceOf(SimulatedDevice);
    sent = [];
    const asked = await say('turn on the lights', 'garage');
    expect(asked.reply).toMatch(/^None here\. Which one: the (kitchen light|floor lamp|hallway light)/);
    for (const name of ['kitchen light', 'floor lamp', 'hallway light']) expect(asked.reply).toContain(name);
    expect(sent).toEqual([]);

    const answered = await say('the hallway light', 'garage');
    expect(answered.reply).toBe('Turned on the hallway light.');
    expect(sent).toEqual(['hallway-light turn_on']);
    await untilValue(
      () => lightIsOn('hallway-light'),
      (on) => on === true,
      'the hallway light reported on',
    );
    expect(await lightIsOn('kitchen-light')).not.toBe(true);
  }, 60_000);

  it('"all the lights" from the same room still turns on every light', async () => {
    sent = [];
    const done = await say('turn on all the lights', 'garage');
    expect(done.reply).toMatch(/^Turned on /);
    expect([...sent].sort()).toEqual(LIGHTS.map((id) => `${id} turn_on`).sort());
  }, 60_000);

  it('a room that has the device keeps the request to itself, and questions are answered for the whole home', async () => {
    sent = [];
    const done = await say('turn off the lights', 'kitchen');
    expect(done.reply).toBe('Turned off the kitchen light.');
    expect(sent).toEqual(['kitchen-light turn_off']);

    sent = [];
    const asked = await say('are the lights on', 'garage');
    expect(asked.intent?.name).toBe('HassGetState');
    expect(asked.reply).not.toMatch(/Which one/);
    expect(asked.reply).toMatch(/floor lamp/i);
    expect(sent).toEqual([]);
  }, 60_000);
});
