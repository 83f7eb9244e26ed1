// @ts-check
/**
 * The `ctx` a skill sees inside its sandboxed child process. Plain JavaScript because the sandbox may read only
 * a handful of files (no TypeScript loader). It must build exactly what hub/skills/context.ts builds:
 * remote-context.test.ts checks every method forwards the same call.
 */

/** @typedef {(method: string, args: unknown[]) => Promise<unknown>} Invoke */

/** Method → number of parameters, per area; each becomes `(a, b) => invoke('<area>.<method>', [a, b])`. */
const AREAS = {
  devices: { list: 1, get: 1, command: 2 },
  media: { players: 1, command: 2 },
  orders: { create: 1, list: 0, get: 1, prepare: 1, confirm: 2, decline: 1, cancel: 1, pantryBox: 0, sendPantryBox: 0 },
  storage: { get: 1, set: 2, delete: 1, keys: 0 },
  timers: { start: 1, list: 1, cancel: 1, pause: 1, resume: 1, adjust: 2 },
  alarms: { set: 1, list: 1, update: 2, remove: 1, ringing: 1, stop: 1, snooze: 2 },
};

/**
 * @param {string} skillId
 * @param {Record<string, unknown>} config
 * @param {() => number} now
 * @param {Invoke} invoke
 */
export function createRemoteContext(skillId, config, now, invoke) {
  /** @param {string} method @param {number} arity */
  const forward = (method, arity) => (/** @type {unknown[]} */ ...args) => invoke(method, Array.from({ length: arity }, (_, i) => args[i]));
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
  for (const [area, methods] of Object.entries(AREAS))
    ctx[area] = Object.freeze(Object.fromEntries(Object.entries(methods).map(([m, arity]) => [m, forward(`${area}.${m}`, arity)])));
  ctx.notify = forward('notify', 2);
  ctx.announce = forward('announce', 2);
  ctx.fetch = forward('fetch', 2);
  ctx.verifyPin = forward('verifyPin', 1);
  return Object.freeze(ctx);
}
