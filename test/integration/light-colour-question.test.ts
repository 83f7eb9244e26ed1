/**
 * A colour change without a colour, through the real hub and simulated lights: the hub asks "Which colour?",
 * sends nothing until it is answered, tells the voice side which answers the question takes, and the answer
 * (on its own or as "make it …") completes the command on the lights first meant.
 */
import { describe, expect, it } from 'vitest';
import type { SimulatedDevice } from '../../firmware-sim/core/simulated-device.js';
import { groundFloorHome } from '../harness/household.js';
import { hubWithHouseholdForTests } from '../harness/hub-for-tests.js';

const home = groundFloorHome({
  den: [
    ['reading-lamp', 'reading lamp', 'light'],
    ['shelf-strip', 'shelf strip', 'light'],
  ],
  porch: [['porch-lantern', 'porch lantern', 'light']],
});

const say = (text: string, extra: { user?: string; area?: string } = {}) =>
  running.hub.api('POST', '/utterances', { text, user: 'robin', ...extra });
const colourOf = (id: string) => (running.household.devices.get(id) as SimulatedDevice).state.color;

const running = hubWithHouseholdForTests(home, { run: { delay: { minMs: 2, maxMs: 5 } } });

describe('"Which colour?"', () => {
  it('asks, sends nothing, and the answer alone sets the colour of the light that was named', async () => {
    const before = colourOf('reading-lamp');
    const asked = await say('could you give the reading lamp a different colour');
    expect(asked.body.intent).toEqual({ name: 'HassLightSet', slots: { name: 'reading lamp' } });
    expect(asked.body.reply).toBe('Which colour?');
    // The voice side hears only colours (and "no") while this is open: hub/voice/answer-grammar.ts.
    expect(asked.body.expects.choices).toEqual(expect.arrayContaining(['blue', 'warm white']));
    expect(colourOf('reading-lamp')).toBe(before);

    const answered = await say('turquoise please');
    expect(answered.body.reply).toBe('Set the reading lamp.');
    expect(colourOf('reading-lamp')).toBe('turquoise');
    expect(colourOf('porch-lantern')).not.toBe('turquoise');
  });

  it('takes "make it …" as the answer, for every light of the room asked about', async () => {
    const asked = await say('change the colour of the lights in the den');
    expect(asked.body.reply).toBe('Which colour?');
    const answered = await say('make it lavender');
    expect(answered.body.reply).toBe('Set 2 devices.');
    expect(colourOf('reading-lamp')).toBe('lavender');
    expect(colourOf('shelf-strip')).toBe('lavender');
    expect(colourOf('porch-lantern')).not.toBe('lavender');
  });

  it('a request that is no colour closes the question and is acted on as itself', async () => {
    await say('switch off the porch lantern');
    const asked = await say('new colour for the porch lantern please');
    expect(asked.body.reply).toBe('Which colour?');
    const other = await say('turn on the porch lantern');
    expect(other.body.intent.name).toBe('HassTurnOn');
    expect((running.household.devices.get('porch-lantern') as SimulatedDevice).state.on).toBe(true);
    // The question is closed: a colour now is a request of its own, for the room it is heard in.
    const later = await say('amber', { area: 'den' });
    expect(later.body.intent).toEqual({ name: 'HassLightSet', slots: { color: 'amber' } });
    expect(colourOf('porch-lantern')).not.toBe('amber');
  });

  it('another person is not answering my question', async () => {
    const asked = await say('switch the shelf strip to another colour');
    expect(asked.body.reply).toBe('Which colour?');
    const stranger = await say('green', { user: 'sam', area: 'porch' });
    expect(stranger.body.reply).not.toBe('Set the shelf strip.');
    expect(colourOf('shelf-strip')).not.toBe('green');
    await say('never mind');
  });
});
