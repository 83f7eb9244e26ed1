import { describe, expect, it } from 'vitest';
import { createSkillContext } from '../context.js';
import { createRemoteContext } from './remote-context.mjs';

type Call = [string, unknown[]];

/** Calls every function of a ctx with the same arguments and records what it forwards. */
function forwardedCalls(build: (invoke: (method: string, args: unknown[]) => Promise<unknown>) => object): Record<string, Call[]> {
  const calls: Record<string, Call[]> = {};
  let current = '';
  const ctx = build(async (method, args) => {
    (calls[current] ??= []).push([method, args]);
    return undefined;
  });
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'function') {
      if (path === 'now') return;
      current = path;
      void (value as (...a: unknown[]) => unknown)('a', 'b', 'c');
      calls[path] ??= [];
    } else if (value && typeof value === 'object' && path !== 'config') for (const [key, v] of Object.entries(value)) walk(v, path ? `${path}.${key}` : key);
  };
  walk(ctx, '');
  return calls;
}

describe('the sandbox ctx matches hub/skills/context.ts', () => {
  it('has the same methods, each forwarding the same method name and arguments', () => {
    const hub = forwardedCalls((invoke) => createSkillContext('s', { a: 1 }, () => 5, invoke));
    const remote = forwardedCalls((invoke) => createRemoteContext('s', { a: 1 }, () => 5, invoke));
    expect(Object.keys(hub).length).toBeGreaterThan(25);
    expect(remote).toEqual(hub);
  });

  it('carries the id, a frozen copy of the config and the clock', () => {
    const config = { greeting: 'hi' };
    const ctx = createRemoteContext('s', config, () => 42, async () => undefined) as { skillId: string; config: object; now: () => number };
    expect(ctx).toMatchObject({ skillId: 's', config: { greeting: 'hi' } });
    expect(ctx.now()).toBe(42);
    expect(Object.isFrozen(ctx.config)).toBe(true);
    expect(ctx.config).not.toBe(config);
  });
});
