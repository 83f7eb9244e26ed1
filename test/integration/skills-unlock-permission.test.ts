/**
 * A third-party skill, signed and installed from its package into the sandbox, against a real embedded broker, a
 * DeviceRegistry on SQLite and the real LanguageService; the front door is an mqtt.js client recording what reaches
 * it. Without "devices:unlock" the skill's unlock is refused (FORBIDDEN) and the lock hears nothing; with it the
 * hub asks its own question and unlocks only after yes; the skill's own "question" does not count; locking is
 * never restricted; `skills.confirm.unlockLocks: false` lets a granted skill unlock at once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { topics } from '../../hub/sdk/index.js';
import { describePreview } from '../../hub/skills/cli/install.js';
import { packSkill, signSkill } from '../../hub/skills/cli/pack.js';
import { scaffoldSkill } from '../../hub/skills/cli/scaffold.js';
import { skillsConfigSchema, type SkillInstaller, type SkillRuntime } from '../../hub/skills/index.js';
import { startSkillsWithLanguage } from '../../hub/skills/testing/with-language.js';
import { createTestPublisher } from '../../hub/skills/testing/signed-skill.js';
import { builtinSkills } from '../../skills/index.js';
import { onMessage, startDevicesFixture, type DevicesFixture } from './devices-fixture.js';

interface Home {
  hub: DevicesFixture;
  runtime: SkillRuntime;
  installer: SkillInstaller;
  /** Commands that reached the front door over MQTT, in order. */
  received: string[];
  close(): Promise<void>;
}

let home: Home | undefined;
afterEach(async () => {
  await home?.close();
  home = undefined;
});

// The dog-walker skill: unlocks on arrival (uncaught, as most skills would), locks on leaving, and asks its own
// made-up question whose "yes" tries to unlock (the hub must not take the skill's word for a confirmation).
const WALKER_CODE = `export default {
  id: 'dog-walker',
  version: '0.1.0',
  async handle(intent, ctx) {
    if (intent.name === 'WalkerLeft') {
      await ctx.devices.command('front-door', { command: 'lock' });
      return { reply: 'Locked up after the walker.' };
    }
    if (intent.name === 'WalkerArrived') {
      await ctx.devices.command('front-door', { command: 'unlock' });
      return { reply: 'Let the walker in.' };
    }
    return { reply: 'Shall I order a dog treat?', followUp: { state: { step: 'confirm-action', pending: [] } } };
  },
  async followUp(text, state, ctx) {
    await ctx.devices.command('front-door', { command: 'unlock' });
    return { reply: 'Ordered. (And let the walker in.)' };
  },
};
`;
const WALKER_INTENTS = {
  WalkerArrived: { sentences: ['the dog walker (is here|arrived)'] },
  WalkerLeft: { sentences: ['the dog walker (left|is gone)'] },
  WalkerTreat: { sentences: ['treat time for the dog'] },
};

async function startHome(options: { permissions: string[]; confirm?: Record<string, unknown> }): Promise<Home> {
  const hub = await startDevicesFixture();
  hub.registry.add({ id: 'front-door', name: 'Front Door', type: 'lock' });
  const received: string[] = [];
  const door = await hub.device('front-door');
  let locked = true;
  await onMessage(door, topics.set('front-door'), (payload) => {
    const cmd = JSON.parse(payload) as { id: string; command: string };
    received.push(cmd.command);
    locked = cmd.command === 'lock';
    door.publish(topics.state('front-door'), JSON.stringify({ locked }), { retain: true });
    door.publish(topics.ack('front-door'), JSON.stringify({ id: cmd.id, status: 'ok', state: { locked } }));
  });
  await door.publishAsync(topics.availability('front-door'), 'online', { retain: true, qos: 1 });
  await door.publishAsync(topics.state('front-door'), JSON.stringify({ locked }), { retain: true, qos: 1 });

  const publisher = createTestPublisher(hub.dir);
  const config = skillsConfigSchema.parse({
    trustedPublishers: [{ id: publisher.id, publicKey: publisher.publicKey }],
    ...(options.confirm ? { confirm: options.confirm } : {}),
  });
  const { runtime, installer, language } = await startSkillsWithLanguage({
    devices: hub.registry,
    household: hub.household,
    db: hub.db,
    bus: hub.bus,
    config,
    dataDir: join(hub.dir, 'data'),
    builtins: builtinSkills,
  });

  // Packed and signed the way a publisher ships it, installed with the owner's approval of its permissions.
  const { dir: skillDir } = scaffoldSkill('dog-walker', { dir: join(hub.dir, 'src'), publisher: publisher.id });
  const manifestFile = join(skillDir, 'skill.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    manifestFile,
    JSON.stringify({ ...manifest, permissions: options.permissions, intents: WALKER_INTENTS }),
  );
  writeFileSync(join(skillDir, 'index.js'), WALKER_CODE);
  const { file } = packSkill(skillDir);
  const { signature } = signSkill(file, { keyFile: publisher.keyFile, publisher: publisher.id });
  // What the owner is shown before approving (`hearth skill install`) names the permission and what it lets the skill do.
  const shown = describePreview(installer.inspect(readFileSync(file), signature).preview).join('\n');
  expect(shown).toContain(`permissions: ${options.permissions.join(', ')}`);
  expect(shown.includes('devices:unlock: may unlock locks')).toBe(options.permissions.includes('devices:unlock'));
  await installer.install(readFileSync(file), signature, { approve: true });
  expect(runtime.get('dog-walker')).toMatchObject({ isolated: true, builtin: false, permissions: options.permissions });

  return {
    hub,
    runtime,
    installer,
    received,
    async close() {
      await runtime.stop();
      await language.stop();
      await hub.close();
    },
  };
}

const lockState = (h: Home) => h.hub.registry.get('front-door')?.state.locked;

describe('third-party skills and commands that open the house', () => {
  it('without "devices:unlock" the unlock is refused with FORBIDDEN naming device, command and permission; the lock hears nothing; locking works', async () => {
    home = await startHome({ permissions: ['devices:read', 'devices:control'] });
    const refused = await home.runtime.handleUtterance('the dog walker is here');
    expect(refused).toMatchObject({
      skill: 'dog-walker',
      reply: 'The dog-walker skill is not allowed to do that.',
      error: { code: 'FORBIDDEN' },
    });
    expect(refused.error?.message).toContain('"unlock" to the lock "Front Door" (front-door)');
    expect(refused.error?.message).toContain('"devices:unlock" permission');
    expect(home.hub.events.inputRejected?.map((e) => e.reason)).toContain(
      'dog-walker: unlock front-door needs "devices:unlock"',
    );

    const locked = await home.runtime.handleUtterance('the dog walker left');
    expect(locked.reply).toBe('Locked up after the walker.');
    expect(home.received).toEqual(['lock']);
    expect(lockState(home)).toBe(true);
  });

  it('"devices:control:lock" alone does not grant unlocking either', async () => {
    home = await startHome({ permissions: ['devices:control:lock'] });
    expect((await home.runtime.handleUtterance('the dog walker arrived')).error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await home.runtime.handleUtterance('the dog walker is gone')).reply).toBe('Locked up after the walker.');
    expect(home.received).toEqual(['lock']);
  });

  it('with "devices:unlock" the hub asks its own question and unlocks only after yes; no sends nothing', async () => {
    home = await startHome({ permissions: ['devices:control:lock', 'devices:unlock'] });
    const asked = await home.runtime.handleUtterance('the dog walker is here');
    expect(asked).toMatchObject({ skill: 'dog-walker', reply: 'Do you want me to unlock the front door?' });
    expect(asked.error).toBeUndefined();
    expect(asked.actions).toEqual([
      expect.objectContaining({ type: 'confirmation_requested', deviceId: 'front-door', command: 'unlock' }),
    ]);
    expect(home.received).toEqual([]);

    expect((await home.runtime.handleUtterance('no')).reply).toBe("Okay, I won't unlock the front door.");
    expect(home.received).toEqual([]);

    await home.runtime.handleUtterance('the dog walker arrived');
    const yes = await home.runtime.handleUtterance('yes');
    expect(yes).toMatchObject({ skill: 'dog-walker', reply: 'Unlocked the front door.' });
    expect(yes.actions).toEqual([
      expect.objectContaining({ type: 'device_command', deviceId: 'front-door', command: 'unlock', ok: true }),
    ]);
    expect(home.received).toEqual(['unlock']);
    expect(lockState(home)).toBe(false);
    // Asking is not failing: the skill is not counted towards being disabled.
    expect(home.runtime.get('dog-walker')).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });

  it("a yes to the skill's own question does not unlock: the hub still asks, and an unrelated sentence sends nothing", async () => {
    home = await startHome({ permissions: ['devices:control:lock', 'devices:unlock'] });
    expect((await home.runtime.handleUtterance('treat time for the dog')).reply).toBe('Shall I order a dog treat?');
    const afterYes = await home.runtime.handleUtterance('yes');
    expect(afterYes.reply).toBe('Do you want me to unlock the front door?');
    expect(home.received).toEqual([]);
    const other = await home.runtime.handleUtterance('the dog walker left');
    expect(other.reply).toBe('Locked up after the walker.');
    expect(home.received).toEqual(['lock']);
    // The hub's question was closed by the new command, so a late "yes" opens nothing.
    await home.runtime.handleUtterance('yes');
    expect(home.received).toEqual(['lock']);
  });

  it('skills.confirm.unlockLocks: false lets a skill granted "devices:unlock" unlock at once; without the permission it is still refused', async () => {
    home = await startHome({
      permissions: ['devices:control:lock', 'devices:unlock'],
      confirm: { unlockLocks: false },
    });
    expect((await home.runtime.handleUtterance('the dog walker is here')).reply).toBe('Let the walker in.');
    expect(home.received).toEqual(['unlock']);
    await home.close();

    home = await startHome({ permissions: ['devices:control:lock'], confirm: { unlockLocks: false } });
    expect((await home.runtime.handleUtterance('the dog walker is here')).error).toMatchObject({ code: 'FORBIDDEN' });
    expect(home.received).toEqual([]);
  });
});
