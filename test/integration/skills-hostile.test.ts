/**
 * Hostile third-party skills in worker threads: each one is contained and reported, and the hub keeps
 * answering other commands meanwhile.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinSkills } from '../../skills/index.js';
import type { Permission } from '../../hub/sdk/skill.js';
import { addTestHousehold, createFixture, type Fixture } from '../../hub/skills/testing/fixture.js';
import { writeSentenceSkill } from '../../hub/skills/testing/sentence-skill.js';

let f: Fixture;

/** `callTimeoutMs` is a ceiling for a hang, except in the test of the time limit itself. */
async function useFixture(callTimeoutMs = 30_000): Promise<void> {
  f = createFixture({ config: { callTimeoutMs, memoryLimitMb: 32, maxConsecutiveFailures: 3 } });
  addTestHousehold(f.devices);
  await f.runtime.start();
  for (const skill of builtinSkills) await f.runtime.registerBuiltin(skill);
}
beforeEach(() => useFixture());
afterEach(async () => f.close());

/** Writes a skill module and loads it into a worker. */
async function loadHostile(id: string, sentence: string, handleBody: string, permissions: Permission[] = []) {
  const { manifest, entry } = writeSentenceSkill(f.dir, { id, sentence, handleBody, permissions });
  return f.runtime.loadIsolated(manifest, entry);
}

async function hubStillAnswers(): Promise<void> {
  const result = await f.runtime.handleUtterance('turn on the reading lamp');
  expect(result.reply).toBe('Turned on the reading lamp.');
  await f.runtime.handleUtterance('turn off the reading lamp');
}

describe('hostile skills', () => {
  it('an endless loop is cut off at the time limit, restarted, then disabled', async () => {
    await f.close();
    await useFixture(1500);
    await loadHostile('spinner', 'spin forever', 'for (;;) {}');
    for (let i = 1; i <= 3; i++) {
      const result = await f.runtime.handleUtterance('spin forever');
      expect(result.error?.code).toBe('SKILL_TIMEOUT');
      expect(result.reply).toBe('The spinner skill took too long to answer.');
      await hubStillAnswers();
    }
    expect(f.runtime.get('spinner')).toMatchObject({ enabled: false, consecutiveFailures: 3 });
    const after = await f.runtime.handleUtterance('spin forever');
    expect(after.reply).toMatch(/disabled/);
  });

  it('a skill that throws on every call is reported and disabled after repeated failures', async () => {
    await loadHostile('thrower', 'throw something', "throw new Error('boom')");
    const first = await f.runtime.handleUtterance('throw something');
    expect(first.error).toMatchObject({ code: 'SKILL_FAILED', message: expect.stringContaining('boom') });
    await hubStillAnswers();
    await f.runtime.handleUtterance('throw something');
    await f.runtime.handleUtterance('throw something');
    expect(f.runtime.get('thrower')?.enabled).toBe(false);
    await hubStillAnswers();
  });

  it('a device command without permission is refused in the main thread and never sent', async () => {
    await loadHostile(
      'burglar',
      'open sesame',
      "await ctx.devices.command('front-door', { command: 'unlock' }); return { reply: 'door open' };",
      ['devices:read'],
    );
    const rejected: string[] = [];
    f.bus.on('inputRejected', (e) => rejected.push(e.reason));
    const result = await f.runtime.handleUtterance('open sesame');
    expect(result.error).toMatchObject({
      code: 'PERMISSION_DENIED',
      message: expect.stringContaining('devices:control:lock'),
    });
    expect(f.devices.commands).toEqual([]);
    expect(rejected.some((r) => r.includes('burglar'))).toBe(true);
    await hubStillAnswers();
  });

  it("a skill cannot read another skill's storage", async () => {
    f.runtime.storage.set('shopping-list', 'list:shopping', [{ item: 'secret medicine', done: false }]);
    await loadHostile(
      'spy',
      'spy on the list',
      "const v = await ctx.storage.get('list:shopping'); const keys = await ctx.storage.keys(); return { reply: JSON.stringify({ v: v ?? null, keys }) };",
      ['storage'],
    );
    const result = await f.runtime.handleUtterance('spy on the list');
    expect(JSON.parse(result.reply)).toEqual({ v: null, keys: [] });
    await loadHostile(
      'spy-two',
      'peek at storage',
      "return { reply: String(await ctx.storage.get('list:shopping')) };",
    );
    const denied = await f.runtime.handleUtterance('peek at storage');
    expect(denied.error?.code).toBe('PERMISSION_DENIED');
    expect(f.runtime.storage.get('shopping-list', 'list:shopping')).toEqual([{ item: 'secret medicine', done: false }]);
  });

  it('unbounded memory hits the worker heap limit; the worker is replaced and the hub answers', async () => {
    await loadHostile(
      'hog',
      'eat all the memory',
      'const keep = []; for (;;) keep.push(new Array(100000).fill(Math.random()));',
    );
    const result = await f.runtime.handleUtterance('eat all the memory');
    expect(result.error?.code).toMatch(/SKILL_FAILED|SKILL_TIMEOUT/);
    expect(result.error?.message ?? '').toMatch(/memory|did not answer/);
    await hubStillAnswers();
    expect(f.runtime.get('hog')?.consecutiveFailures).toBe(1);
  });

  it('a well-behaved isolated skill uses its granted capabilities through the main thread', async () => {
    await loadHostile(
      'counter',
      'count up',
      "const n = ((await ctx.storage.get('n')) ?? 0) + 1; await ctx.storage.set('n', n); await ctx.notify('counted ' + n, { area: utterance.area }); return { reply: 'count is ' + n };",
      ['storage', 'notifications'],
    );
    expect((await f.runtime.handleUtterance('count up', { area: 'kitchen' })).reply).toBe('count is 1');
    const second = await f.runtime.handleUtterance('count up', { area: 'kitchen' });
    expect(second.reply).toBe('count is 2');
    expect(second.actions).toEqual([{ type: 'notification', message: 'counted 2', area: 'kitchen' }]);
    expect(f.notifications).toContainEqual({ message: 'counted 2', area: 'kitchen' });
    expect(f.runtime.storage.get('counter', 'n')).toBe(2);
  });
});
