// @ts-check
/**
 * The `ctx` a skill sees, built from one declaration of the skill API (method → number of parameters). Plain
 * JavaScript because the sandboxed child process may read only a handful of files (no TypeScript loader); the
 * in-process and worker-thread skills get the same object through hub/skills/context.ts. The main-thread side,
 * CapabilityGate (capabilities.ts), is checked against it: its schemas must name exactly `SkillContext`'s
 * methods (a type error otherwise) and take exactly these numbers of arguments (remote-context.test.ts).
 */

/** @typedef {(method: string, args: unknown[]) => Promise<unknown>} Invoke */

/** Each becomes `(a, b) => invoke('<area>.<method>', [a, b])` under `ctx.<area>`. */
export const SKILL_API_AREAS = {
  devices: { list: 1, get: 1, command: 2 },
  media: { players: 1, command: 2 },
  orders: { create: 1, list: 0, get: 1, prepare: 1, confirm: 2, decline: 1, cancel: 1, pantryBox: 0, sendPantryBox: 0 },
  storage: { get: 1, set: 2, delete: 1, keys: 0 },
  timers: { start: 1, list: 1, cancel: 1, pause: 1, resume: 1, adjust: 2 },
  alarms: { set: 1, list: 1, update: 2, remove: 1, ringing: 1, stop: 1, snooze: 2 },
};

/** Each becomes `(a, b) => invoke('<name>', [a, b])` on `ctx` itself. */
export const SKILL_API_FUNCTIONS = { notify: 2, announce: 2, fetch: 2, verifyPin: 1 };

/**
 * @param {string} skillId
 * @param {Record<string, unknown>} config
 * @param {() => number} now
 * @param {Invoke} invoke
 */
export function createRemoteContext(skillId, config, now, invoke) {
  /** @param {string} method @param {number} arity */
  const forward =
    (method, arity) =>
    (/** @type {unknown[]} */ ...args) =>
      invoke(
        method,
        Array.from({ length: arity }, (_, i) => args[i]),
      );
  /** @param {'debug'|'info'|'warn'|'error'} level */
  const log = (level) => (/** @type {unknown} */ msg, /** @type {unknown} */ data) => {
    void invoke('log', [level, String(msg), data]).catch(() => undefined);
  };
  /** @type {Record<string, unknown>} */
  const ctx = {
    skillId,
    config: Object.freeze({ ...config }),
    now,
    log: Object.freeze({ debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }),
  };
  for (const [area, methods] of Object.entries(SKILL_API_AREAS))
    ctx[area] = Object.freeze(
      Object.fromEntries(Object.entries(methods).map(([m, arity]) => [m, forward(`${area}.${m}`, arity)])),
    );
  for (const [name, arity] of Object.entries(SKILL_API_FUNCTIONS)) ctx[name] = forward(name, arity);
  return Object.freeze(ctx);
}
