import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinSkills } from '../../skills/index.js';
import { addTestHousehold, brokenSkill, createFixture, type Fixture } from './testing/fixture.js';
import { defineSkill } from '../sdk/skill.js';

let f: Fixture;

beforeEach(async () => {
  f = createFixture();
  addTestHousehold(f.devices);
  await f.runtime.start();
  for (const skill of builtinSkills) await f.runtime.registerBuiltin(skill);
});
afterEach(async () => f.close());

describe('SkillRuntime with the built-in skills', () => {
  it('routes a device intent to smart-home, which commands the device', async () => {
    const result = await f.runtime.handleUtterance('turn on the kitchen light');
    expect(result.skill).toBe('smart-home');
    expect(result.intent?.name).toBe('HassTurnOn');
    expect(result.targets).toEqual(['kitchen-light']);
    expect(result.reply).toBe('Turned on the kitchen light.');
    expect(f.devices.get('kitchen-light')?.state.on).toBe(true);
    expect(result.actions).toEqual([
      expect.objectContaining({ type: 'device_command', deviceId: 'kitchen-light', command: 'turn_on', ok: true }),
    ]);
  });

  it('says a device that does not acknowledge is not responding', async () => {
    f.devices.unresponsive.add('kitchen-light');
    const result = await f.runtime.handleUtterance('turn on the kitchen light');
    expect(result.reply).toBe('The kitchen light is not responding.');
    expect(f.runtime.get('smart-home')?.consecutiveFailures).toBe(0);
  });

  it('asks which one when two devices fit, and acts on the answer', async () => {
    const first = await f.runtime.handleUtterance('turn on the light in the kitchen', { area: 'kitchen' });
    expect(first.reply).toBe('Which one: the kitchen light or the kitchen ceiling light?');
    expect(f.devices.commands).toHaveLength(0);
    const second = await f.runtime.handleUtterance('the ceiling light', { area: 'kitchen' });
    expect(second.reply).toBe('Turned on the kitchen ceiling light.');
    expect(f.devices.get('kitchen-ceiling')?.state.on).toBe(true);
    expect(f.devices.get('kitchen-light')?.state.on).toBeUndefined();
  });

  it('dryRun resolves intent and targets and sends nothing', async () => {
    const result = await f.runtime.handleUtterance('turn off the reading lamp', { dryRun: true });
    expect(result.intent?.name).toBe('HassTurnOff');
    expect(result.targets).toEqual(['lamp']);
    expect(result.skill).toBe('smart-home');
    expect(f.devices.commands).toHaveLength(0);
  });

  it("plays a search in the named room on that room's player", async () => {
    const result = await f.runtime.handleUtterance('play jazz in the living room');
    expect(result.skill).toBe('media');
    expect(f.devices.commands).toEqual([
      { deviceId: 'speaker-living', command: { command: 'play_media', params: { search_query: 'jazz' } } },
    ]);
    expect(result.reply).toBe('Playing jazz on the living room speaker.');
  });

  it('pauses the player in the area that heard the command', async () => {
    await f.runtime.handleUtterance('pause the music', { area: 'kitchen' });
    expect(f.devices.commands).toEqual([{ deviceId: 'speaker-kitchen', command: { command: 'media_pause' } }]);
  });

  it('handles the car', async () => {
    expect((await f.runtime.handleUtterance('lock the car')).reply).toBe('Locked the car.');
    expect((await f.runtime.handleUtterance('is the car locked')).reply).toBe('Yes, the car is locked.');
    const warm = await f.runtime.handleUtterance('start the car and warm it to 21');
    expect(warm.reply).toBe('Started the car and warming it to 21 degrees.');
    expect(f.devices.get('car')?.state).toMatchObject({ engine_on: true, climate_on: true, target_temperature: 21 });
    f.devices.update('car', {});
    (f.devices.get('car')!.state as Record<string, unknown>).battery_percent = 64.4;
    expect((await f.runtime.handleUtterance('how much charge is left')).reply).toBe(
      'The car has 64 percent charge left.',
    );
  });

  it('keeps a shopping list in skill storage', async () => {
    expect((await f.runtime.handleUtterance('add milk to my shopping list')).reply).toBe(
      'Added milk to your shopping list.',
    );
    await f.runtime.handleUtterance('add oat flakes to the shopping list');
    expect((await f.runtime.handleUtterance("what's on my shopping list")).reply).toBe(
      'On your shopping list: milk, oat flakes.',
    );
    await f.runtime.handleUtterance('tick off milk');
    expect((await f.runtime.handleUtterance("what's on my shopping list")).reply).toBe(
      'On your shopping list: oat flakes.',
    );
    expect(f.runtime.storage.keys('shopping-list')).toEqual(['list:shopping']);
  });

  it('empties a list (its items ticked off, so adding one again brings it back) and asks what a new list is called', async () => {
    await f.runtime.handleUtterance('add milk to my shopping list');
    await f.runtime.handleUtterance('add oat flakes to the shopping list');
    expect((await f.runtime.handleUtterance('clear the shopping list')).reply).toBe(
      'Cleared 2 items off your shopping list.',
    );
    expect((await f.runtime.handleUtterance("what's on my shopping list")).reply).toBe('Your shopping list is empty.');
    expect((await f.runtime.handleUtterance('clear my shopping list')).reply).toBe(
      'Your shopping list is already empty.',
    );
    expect((await f.runtime.handleUtterance('add milk to my shopping list')).reply).toBe(
      'Added milk to your shopping list.',
    );
    expect((await f.runtime.handleUtterance("what's on my shopping list")).reply).toBe('On your shopping list: milk.');
    expect((await f.runtime.handleUtterance('make a new list')).reply).toMatch(/^What should the new list be called\?/);
  });

  it('announces a timer in the area that set it', async () => {
    const set = await f.runtime.handleUtterance('set a pasta timer for 5 minutes', { area: 'kitchen' });
    expect(set.reply).toBe('Pasta timer set for 5 minutes.');
    f.clock.advance(2 * 60_000);
    expect((await f.runtime.handleUtterance('how much time is left', { area: 'kitchen' })).reply).toBe(
      'The pasta timer has 3 minutes left.',
    );
    f.clock.advance(3 * 60_000);
    expect(f.notifications).toEqual([{ message: 'Your pasta timer is done.', area: 'kitchen' }]);
  });

  it('answers "what can you do" and reports what it does not understand', async () => {
    expect((await f.runtime.handleUtterance('what can you do')).skill).toBe('help');
    const unknown = await f.runtime.handleUtterance('sing me the song of the whales');
    expect(unknown.intent).toBeNull();
    expect(unknown.reply).toMatch(/didn't understand/);
  });

  it('refuses a second skill claiming an intent or an id already loaded', async () => {
    const copy = defineSkill({
      id: 'help',
      version: '1.0.0',
      permissions: [],
      intents: { Other: { targets: 'none', sentences: ['x'] } },
      handle: () => ({ reply: '' }),
    });
    await expect(f.runtime.registerBuiltin(copy)).rejects.toMatchObject({ code: 'CONFLICT' });
    const thief = defineSkill({
      id: 'thief',
      version: '1.0.0',
      permissions: [],
      intents: { HassTurnOn: { targets: 'none', sentences: [] } },
      handle: () => ({ reply: '' }),
    });
    await expect(f.runtime.registerBuiltin(thief)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('HassTurnOn (smart-home)'),
    });
  });

  it("knows which intents' skills may place orders: only the ordering skill's, none unknown or unloaded", async () => {
    expect(f.runtime.placesOrders('OrderProduct')).toBe(true);
    expect(f.runtime.placesOrders('HassTurnOn')).toBe(false);
    expect(f.runtime.placesOrders('NoSuchIntent')).toBe(false);
    await f.runtime.unload('ordering');
    expect(f.runtime.placesOrders('OrderProduct')).toBe(false);
  });

  it('denies a built-in skill what its permissions do not grant', async () => {
    const nosy = defineSkill({
      id: 'nosy',
      version: '1.0.0',
      permissions: [],
      intents: { Peek: { targets: 'none', sentences: ['peek at the devices'] } },
      async handle(_i, ctx) {
        await ctx.devices.list();
        return { reply: 'saw them' };
      },
    });
    await f.runtime.registerBuiltin(nosy);
    const result = await f.runtime.handleUtterance('peek at the devices');
    expect(result.error).toMatchObject({
      code: 'PERMISSION_DENIED',
      message: expect.stringContaining('"devices:read"'),
    });
    expect(result.reply).toBe('The nosy skill is not allowed to do that.');
  });

  it('announces each change to the sentences it serves: loaded, disabled after failures, enabled, unloaded', async () => {
    const changes: string[] = [];
    f.bus.on('skillChanged', (e) => changes.push(`${e.skillId}:${e.change}`));
    const broken = brokenSkill();
    await f.runtime.registerBuiltin(broken);
    for (let i = 0; i < 3; i++) await f.runtime.handleUtterance('crash the broken skill'); // maxConsecutiveFailures: 3
    expect(f.runtime.get('broken')?.enabled).toBe(false);
    f.runtime.enable('broken');
    f.runtime.enable('broken'); // already enabled: nothing changed, nothing announced
    await f.runtime.unload('broken');
    expect(changes).toEqual(['broken:loaded', 'broken:disabled', 'broken:enabled', 'broken:unloaded']);
  });
});
