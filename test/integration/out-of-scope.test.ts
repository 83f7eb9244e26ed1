/**
 * A wrong action is worse than "I didn't understand". Requests the hub has no skill for (weather, news, calls,
 * takeaways, taxis, sums, recipes, the world, chit-chat, half sentences), typed to a real hub whose simulated
 * devices are connected to its aedes broker: each gets an answer that says the hub cannot do it, no intent is acted
 * on, and no device receives a command. A request it can do, sent last, shows the counting sees commands.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedDevice } from '../../firmware-sim/core/simulated-device.js';
import type { HouseholdDefinition } from '../../firmware-sim/household.js';
import { hubWithHouseholdForTests } from '../harness/hub-for-tests.js';

const home: HouseholdDefinition = {
  floors: [{ id: 'ground', name: 'ground floor', aliases: ['downstairs'] }],
  areas: [
    { id: 'kitchen', name: 'kitchen', aliases: [], floor: 'ground' },
    { id: 'living-room', name: 'living room', aliases: ['lounge'], floor: 'ground' },
    { id: 'hallway', name: 'hallway', aliases: ['hall'], floor: 'ground' },
  ],
  devices: [
    { id: 'kitchen-light', name: 'kitchen light', aliases: [], area: 'kitchen', kind: 'light' },
    { id: 'kettle', name: 'kettle', aliases: [], area: 'kitchen', kind: 'kettle_plug' },
    { id: 'cooker-hood', name: 'cooker hood', aliases: [], area: 'kitchen', kind: 'plug' },
    { id: 'lounge-lamp', name: 'floor lamp', aliases: [], area: 'living-room', kind: 'light' },
    { id: 'lounge-speaker', name: 'living room speaker', aliases: [], area: 'living-room', kind: 'media_player' },
    { id: 'lounge-blinds', name: 'blinds', aliases: [], area: 'living-room', kind: 'cover' },
    { id: 'hoover', name: 'robot vacuum', aliases: [], area: 'living-room', kind: 'vacuum' },
    { id: 'front-door', name: 'front door', aliases: [], area: 'hallway', kind: 'lock' },
    { id: 'thermostat', name: 'thermostat', aliases: ['heating'], area: 'hallway', kind: 'climate' },
  ],
};

/** Written for this test from how people talk to a speaker; none of them is something the hub can do. */
const CANNOT = [
  // weather, news, knowledge
  "what's the weather going to be like tomorrow",
  'is it going to rain this afternoon',
  'read me the headlines',
  'who won the football last night',
  "what's the capital of peru",
  'how tall is the eiffel tower',
  'who wrote pride and prejudice',
  'how many miles is it to edinburgh',
  // maths, conversions, spelling
  "what's seventeen times twelve",
  'how many ounces in a kilo',
  'how do you spell rhythm',
  'translate thank you into german',
  // recipes
  'how long do i boil an egg for',
  'give me a recipe for flapjacks',
  // calls, messages, social
  'ring grandma',
  'text sarah that dinner is at seven',
  'send an email to the school about friday',
  'post a photo to instagram',
  // takeaways, taxis, bookings
  'order us a chinese takeaway',
  'get me a large margherita pizza delivered',
  'i want to order a curry from the place round the corner',
  'order a taxi to the station',
  'book a table for four on saturday night',
  'find me a cheap flight to lisbon',
  // chit-chat
  'tell me a joke',
  'how are you doing',
  'do you like cats',
  'you are brilliant',
  'sing happy birthday',
  // half sentences and noise
  'can you um',
  'the thing with the',
  'so what i was going to say was',
  'hmm',
  // things that sound like the house but name nothing it has
  'put the telly box thing on channel four',
  'start the car wash',
  'put a wash on for me',
  'put the extractor on',
  'preheat the oven to two hundred',
  'turn the sprinklers on in the garden',
];

const running = hubWithHouseholdForTests(home, { config: { mqtt: { commandTimeoutMs: 10_000 } } });

describe('requests the hub cannot do', () => {
  it('are many kinds, written here', () => {
    expect(new Set(CANNOT).size).toBeGreaterThanOrEqual(30);
  });

  it('each gets "I didn\'t understand" or "I can\'t", and no device receives a command', async () => {
    const received: string[] = [];
    const sent: string[] = [];
    const listeners: Array<() => unknown> = [...running.household.devices.entries()].flatMap(([id, device]) => {
      if (!(device instanceof SimulatedDevice)) return [];
      const onCommand = (c: { command: string }): void => void received.push(`${id} ${c.command}`);
      device.on('command', onCommand);
      return [() => device.off('command', onCommand)];
    });
    expect(listeners.length, 'simulated devices to watch').toBe(home.devices.length);
    listeners.push(running.hub.hub.events.on('commandSent', (e) => sent.push(`${e.deviceId} ${e.command}`)));
    try {
      const acted: string[] = [];
      for (const text of CANNOT) {
        const res = await running.hub.api('POST', '/utterances', { text, area: 'living-room' });
        expect(res.status, `"${text}": ${JSON.stringify(res.body)}`).toBe(200);
        const { intent, reply, actions } = res.body as { intent?: { name: string }; reply: string; actions?: [] };
        // An intent for a thing the house does not have ("turn the sprinklers on") is fine when nothing is done.
        if ((actions ?? []).length > 0 || !CANT.test(reply) || (intent && !/^I couldn't find/.test(reply)))
          acted.push(`"${text}" → ${intent ? JSON.stringify(intent) : 'no intent'}: ${reply}`);
      }
      expect(acted, 'requests acted on or answered unclearly').toEqual([]);

      // The same counting sees a request the hub can do: the lamp gets exactly one command.
      const done = await running.hub.api('POST', '/utterances', {
        text: 'turn on the floor lamp',
        area: 'living-room',
      });
      expect(done.body.reply).toBe('Turned on the floor lamp.');
      expect(sent).toEqual(['lounge-lamp turn_on']);
      expect(received).toEqual(['lounge-lamp turn_on']);
    } finally {
      for (const off of listeners) off();
    }
  }, 120_000);
});

/** What a clear refusal says. */
const CANT = /^(Sorry, I didn't understand|I can't|I cannot|I couldn't find)/;
