/**
 * The `ctx` a skill sees, for skills in this process and in worker threads: the same object the sandboxed child
 * process builds (worker/remote-context.mjs, the one declaration of the skill API), typed as the SDK's
 * `SkillContext`. Every call goes to one function: in process it calls the CapabilityGate directly; in a worker
 * it sends the call to the main thread. Either way the gate decides.
 */
import type { SkillContext } from '../sdk/skill.js';
import { createRemoteContext } from './worker/remote-context.mjs';

export type Invoke = (method: string, args: unknown[]) => Promise<unknown>;

type Fn = (...args: never[]) => unknown;

/** `ctx`'s groups of methods (`devices`, `orders`…), not counting `log` and `config`. */
type ContextArea = {
  [K in keyof SkillContext]: SkillContext[K] extends Fn
    ? never
    : SkillContext[K] extends object
      ? K extends 'log' | 'config'
        ? never
        : K
      : never;
}[keyof SkillContext];

/** `ctx`'s own functions that reach the hub (`notify`, `fetch`…); `now` is answered locally. */
type ContextFunction = {
  [K in keyof SkillContext]: SkillContext[K] extends Fn ? (K extends 'now' ? never : K) : never;
}[keyof SkillContext];

/** Every call a skill can make, as the name the gate receives: `devices.list`, `notify`… and `log`. */
export type SkillApiMethod =
  | { [A in ContextArea]: `${A}.${keyof SkillContext[A] & string}` }[ContextArea]
  | ContextFunction
  | 'log';

export function createSkillContext(
  skillId: string,
  config: Record<string, unknown>,
  now: () => number,
  invoke: Invoke,
): SkillContext {
  return createRemoteContext(skillId, config, now, invoke) as unknown as SkillContext;
}
