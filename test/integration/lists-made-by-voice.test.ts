/**
 * Lists the household makes by voice, through the real hub and its SQLite storage: made once, then used by name
 * (add, read, tick off, clear), kept across a restart; a list nobody made is never taken for the shopping list —
 * adding to one asks whether to make it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectReplies } from '../harness/conversation.js';
import { startTestHub, type TestHub } from '../harness/hub.js';

let hub: TestHub;

const say = async (text: string) => (await hub.api('POST', '/utterances', { text, user: 'kim' })).body;

beforeAll(async () => {
  hub = await startTestHub();
}, 60_000);

afterAll(async () => {
  await hub?.stop();
});

describe('lists made by voice', () => {
  it('a made list takes items by its name, reads them back and keeps them apart from the shopping list', async () => {
    const made = await say('please start a new list called camping');
    expect(made.intent).toEqual({ name: 'HearthListCreate', slots: { list_name: 'camping' } });
    expect(made.reply).toMatch(/^I made your camping list\./);
    await expectReplies(say, [
      ['create a camping list', 'You already have a camping list.'],
      ['put the tent on my camping list', 'Added the tent to your camping list.'],
      ['add torch batteries to camping list', 'Added torch batteries to your camping list.'],
      ['add oat milk to the shopping list', 'Added oat milk to your shopping list.'],
      ["what's on the camping list", 'On your camping list: the tent, torch batteries.'],
      ['cross the tent off the camping list', 'Checked off the tent.'],
      ['read me my camping list', 'On your camping list: torch batteries.'],
      ["what's on my shopping list", 'On your shopping list: oat milk.'],
      ['which lists do we have', 'Your lists: shopping, camping.'],
      ['empty the camping list', 'Cleared 1 item off your camping list.'],
      ["what's on my shopping list", 'On your shopping list: oat milk.'],
    ]);
  });

  it('a list nobody made: reading it says so, adding to it asks first and "yes" makes it', async () => {
    const read = await say('what is on the birthday list');
    expect(read.intent).toEqual({ name: 'HearthListRead', slots: { list_name: 'birthday' } });
    expect(read.reply).toMatch(/^You don't have a birthday list\./);
    expect((await say('take balloons off the birthday list')).reply).toMatch(/^You don't have a birthday list\./);

    const asked = await say('add balloons to the birthday list');
    expect(asked.reply).toBe("You don't have a birthday list. Shall I make one and add balloons to it?");
    expect(asked.expects).toEqual({ yesNo: true });
    expect((await say('yes please')).reply).toBe('Added balloons to your birthday list.');
    expect((await say('whats on the birthday list')).reply).toBe('On your birthday list: balloons.');

    await say('add a kite to the beach list');
    expect((await say('no')).reply).toBe('OK, no beach list.');
    expect((await say('read my beach list')).reply).toMatch(/^You don't have a beach list\./);
    expect((await say("what's on my shopping list")).reply).not.toMatch(/balloons|kite/);
  });

  it('an item named by where it stands is ticked off, counted on what is still on the list', async () => {
    await say('make a list called garden');
    for (const item of ['rope', 'pegs', 'stove', 'matches']) await say(`add ${item} to the garden list`);
    await expectReplies(say, [
      ['tick off item two on the garden list', 'Checked off pegs.'],
      ['delete the last line of the garden list', 'Checked off matches.'],
      ['remove the second item from the garden list', 'Checked off stove.'],
      ["what's on the garden list", 'On your garden list: rope.'],
      ['cross off item 3 on the garden list', 'Your garden list has only one item: rope.'],
    ]);
  });

  it('made lists are still there after a restart', async () => {
    await say('make a new list called chores');
    await say('add mow the lawn to the chores list');
    const dataDir = hub.dataDir;
    await hub.stop();
    hub = await startTestHub({ dataDir });
    expect((await say("what's on the chores list")).reply).toBe('On your chores list: mow the lawn.');
  }, 60_000);
});
