import { describe, expect, it } from 'vitest';
import { CAPABILITY_ARITY } from '../capabilities.js';
import { createSkillContext } from '../context.js';
import { createRemoteContext } from './remote-context.mjs';

type Call = [string, unknown[]];

/** Calls every function of a ctx with more arguments than any takes and records what it forwards. */
function forwardedCalls(ctx: object): Record<string, Call[]> {
  const calls: Record<string, Call[]> = {};
  let current = '';
  const record = async (method: string, args: unknown[]) => {
    (calls[current] ??= []).push([method, args]);
    return undefined;
  };
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'function') {
      if (path === 'now') return;
      current = path;
      void (value as (...a: unknown[]) => unknown)('a', 'b', 'c');
      calls[path] ??= [];
    } else if (value && typeof value === 'object' && path !== 'config')
      for (const [key, v] of Object.entries(value)) walk(v, path ? `${path}.${key}` : key);
  };
  invoke = record;
  walk(ctx, '');
  return calls;
}

let invoke: (method: string, args: unknown[]) => Promise<unknown> = async () => undefined;
const forwarding = (method: string, args: unknown[]) => invoke(method, args);

describe("the skill's ctx and the hub's capability gate", () => {
  it('the sandbox ctx has one function per gate method, forwarding its name with the number of arguments its schema takes', () => {
    const calls = forwardedCalls(createRemoteContext('s', { a: 1 }, () => 5, forwarding));
    const expected: Record<string, Call[]> = {};
    for (const [method, arity] of Object.entries(CAPABILITY_ARITY)) {
      if (method === 'log') continue;
      expected[method] = [[method, ['a', 'b', 'c'].slice(0, arity)]];
    }
    for (const level of ['debug', 'info', 'warn', 'error']) expected[`log.${level}`] = [['log', [level, 'a', 'b']]];
    expect(Object.keys(expected).length).toBeGreaterThan(25);
    expect(calls).toEqual(expected);
  });

  it('in-process and worker-thread skills get the same ctx as the sandbox', () => {
    const inProcess = forwardedCalls(createSkillContext('s', { a: 1 }, () => 5, forwarding));
    const sandbox = forwardedCalls(createRemoteContext('s', { a: 1 }, () => 5, forwarding));
    expect(inProcess).toEqual(sandbox);
  });

  it('carries the id, a frozen copy of the config and the clock', () => {
    const config = { greeting: 'hi' };
    const ctx = createRemoteContext(
      's',
      config,
      () => 42,
      async () => undefined,
    ) as { skillId: string; config: object; now: () => number };
    expect(ctx).toMatchObject({ skillId: 's', config: { greeting: 'hi' } });
    expect(ctx.now()).toBe(42);
    expect(Object.isFrozen(ctx.config)).toBe(true);
    expect(ctx.config).not.toBe(config);
  });
});
