/** A device's failure is the device's: offline devices are answered at once, slow ones never time a skill out or disable it. */
import { afterEach, describe, expect, it } from 'vitest';
import { builtinSkills } from '../../skills/index.js';
import { defineSkill } from '../sdk/skill.js';
import { addTestHousehold, brokenSkill, createFixture, type Fixture } from './testing/fixture.js';
import type { SkillsConfig } from './config.js';

let f: Fixture;

async function setUp(config: Partial<SkillsConfig> = {}): Promise<void> {
  f = createFixture({ config });
  addTestHousehold(f.devices);
  await f.runtime.start();
  for (const skill of builtinSkills) await f.runtime.registerBuiltin(skill);
}
afterEach(async () => f.close());

describe('device failures and the skills that asked', () => {
  it('says a device that never connected has not connected yet, and sends nothing', async () => {
    await setUp();
    f.devices.setAvailable('kitchen-light', false);
    const result = await f.runtime.handleUtterance('turn on the kitchen light');
    expect(result.reply).toBe("The kitchen light hasn't connected to the hub yet.");
    expect(f.devices.commands).toEqual([]);
  });

  it('says since when an offline device was last seen, before asking about unlocking it', async () => {
    await setUp();
    f.devices.setAvailable('front-door', false, new Date(f.clock.now() - 3 * 60_000).toISOString());
    const unlock = await f.runtime.handleUtterance('unlock the front door');
    expect(unlock.reply).toBe('The front door is offline; last seen 3 minutes ago.');
    expect(f.devices.commands).toEqual([]);
    // No question was left open: a "yes" now is not an answer to anything.
    expect((await f.runtime.handleUtterance('yes')).skill).not.toBe('smart-home');
  });

  it('says the car is offline at once, and the media player too', async () => {
    await setUp();
    f.devices.setAvailable('car', false, new Date(f.clock.now() - 2 * 3_600_000).toISOString());
    expect((await f.runtime.handleUtterance('lock the car')).reply).toBe('The car is offline; last seen 2 hours ago.');
    f.devices.setAvailable('speaker-living', false);
    expect((await f.runtime.handleUtterance('play jazz in the living room')).reply).toBe(
      "The living room speaker hasn't connected to the hub yet.",
    );
    expect(f.devices.commands).toEqual([]);
  });

  it('never disables a skill for devices that are offline or do not answer', async () => {
    await setUp({ maxConsecutiveFailures: 2 });
    f.devices.setAvailable('kitchen-light', false);
    f.devices.unresponsive.add('lamp');
    for (let i = 0; i < 5; i++) {
      await f.runtime.handleUtterance('turn on the kitchen light');
      expect((await f.runtime.handleUtterance('turn off the reading lamp')).reply).toBe(
        'The reading lamp is not responding.',
      );
    }
    expect(f.runtime.get('smart-home')).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });

  it('does not count the time a device takes against the skill', async () => {
    await setUp({ callTimeoutMs: 100 });
    f.devices.slowMs.set('lamp', 400);
    const result = await f.runtime.handleUtterance('turn on the reading lamp');
    expect(result.reply).toBe('Turned on the reading lamp.');
    expect(f.runtime.get('smart-home')?.consecutiveFailures).toBe(0);
  });

  it('still times out a skill that hangs on its own, and caps the waiting for devices in all', async () => {
    await setUp({ callTimeoutMs: 100, maxDeviceWaitMs: 300 });
    const hangs = defineSkill({
      id: 'hangs',
      version: '1.0.0',
      permissions: [],
      intents: { Hang: { targets: 'none', sentences: ['hang for a while'] } },
      handle: () => new Promise(() => undefined),
    });
    const loops = defineSkill({
      id: 'loops',
      version: '1.0.0',
      permissions: ['devices:control'],
      intents: { Loop: { targets: 'none', sentences: ['keep poking the lamp'] } },
      async handle(_intent, ctx) {
        for (;;) await ctx.devices.command('lamp', { command: 'turn_on' });
      },
    });
    await f.runtime.registerBuiltin(hangs);
    await f.runtime.registerBuiltin(loops);
    f.devices.slowMs.set('lamp', 120);
    expect((await f.runtime.handleUtterance('hang for a while')).error).toMatchObject({
      code: 'SKILL_TIMEOUT',
      message: expect.stringContaining('within 100 ms'),
    });
    expect((await f.runtime.handleUtterance('keep poking the lamp')).error).toMatchObject({
      code: 'SKILL_TIMEOUT',
      message: expect.stringContaining('skills.maxDeviceWaitMs'),
    });
  });

  it('remembers why a skill was disabled until it is enabled again', async () => {
    await setUp();
    const broken = brokenSkill();
    await f.runtime.registerBuiltin(broken);
    for (let i = 0; i < 3; i++) await f.runtime.handleUtterance('crash the broken skill');
    expect(f.runtime.get('broken')).toMatchObject({
      enabled: false,
      disabled: {
        at: new Date(f.clock.now()).toISOString(),
        reason: expect.stringMatching(/^3 failures in a row, the last SKILL_FAILED: .*boom/),
      },
    });
    const refused = await f.runtime.handleUtterance('crash the broken skill');
    expect(refused.reply).toContain('hearth skill enable broken');
    expect(f.runtime.enable('broken').disabled).toBeUndefined();
  });
});
