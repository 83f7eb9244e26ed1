// @ts-check
/**
 * The skill's side of the sandbox messages (messages.ts): loads the skill on `init`, runs each `call` with a ctx
 * whose capabilities go to the hub as `rpc`s, and settles those on `rpcResult`. One copy for both sandboxes: the
 * child process (skill-process.mjs, over IPC) and the worker-thread fallback (skill-worker.ts). Plain JavaScript
 * because the child process has no TypeScript loader.
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRemoteContext } from './remote-context.mjs';

/** @param {unknown} error */
export function toWireError(error) {
  const e = /** @type {{code?: unknown, message?: unknown, permission?: unknown, resource?: unknown}} */ (
    error && typeof error === 'object' ? error : {}
  );
  const code = typeof e.code === 'string' ? e.code.slice(0, 64) : 'SKILL_FAILED';
  let message = typeof e.message === 'string' ? e.message : String(error);
  if (code === 'ERR_ACCESS_DENIED' && typeof e.permission === 'string' && !message.includes('sandbox refused'))
    message = `the skill sandbox refused ${e.permission}${typeof e.resource === 'string' && e.resource ? ` on ${e.resource}` : ''} (ERR_ACCESS_DENIED: ${message})`;
  return { code, message: message.slice(0, 4000) };
}

class RemoteError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.code = code;
    this.name = 'HubError';
  }
}

/**
 * @param {(message: unknown) => void} send to the hub
 * @returns {(message: any) => void} for each message from the hub
 */
export function skillRunner(send) {
  /** @type {any} */
  let skill;
  let skillId = '';
  /** @type {Record<string, unknown>} */
  let config = {};
  let nextRpc = 1;
  /** @type {Map<number, {resolve: (v: unknown) => void, reject: (e: Error) => void}>} */
  const pendingRpc = new Map();

  /** @param {number} callId @param {number} hubNow */
  function contextFor(callId, hubNow) {
    const received = performance.now();
    const now = () => hubNow + Math.round(performance.now() - received);
    return createRemoteContext(
      skillId,
      config,
      now,
      (method, args) =>
        new Promise((resolve, reject) => {
          const rpcId = nextRpc++;
          pendingRpc.set(rpcId, { resolve, reject });
          send({ t: 'rpc', rpcId, callId, method, args });
        }),
    );
  }

  /** @param {string} entry */
  async function init(entry) {
    const mod = await import(pathToFileURL(entry).href);
    const def = mod.default;
    if (!def || typeof def !== 'object' || typeof def.handle !== 'function')
      throw new RemoteError(
        'MANIFEST_INVALID',
        `${entry} must export the skill as its default export (export default defineSkill({...}))`,
      );
    skill = def;
    send({
      t: 'ready',
      definition: {
        id: String(def.id),
        version: String(def.version),
        intents: Object.keys(def.intents ?? {}),
        hasFollowUp: typeof def.followUp === 'function',
      },
    });
  }

  return (msg) => {
    switch (msg?.t) {
      case 'init':
        skillId = msg.skillId;
        config = msg.config;
        init(msg.entry).catch((error) => send({ t: 'initError', error: toWireError(error) }));
        return;
      case 'rpcResult': {
        const pending = pendingRpc.get(msg.rpcId);
        if (!pending) return;
        pendingRpc.delete(msg.rpcId);
        if (msg.ok) pending.resolve(msg.value);
        else pending.reject(new RemoteError(msg.error.code, msg.error.message));
        return;
      }
      case 'call': {
        const ctx = contextFor(msg.callId, msg.now);
        const run = async () => {
          if (!skill) throw new RemoteError('SKILL_FAILED', 'skill not loaded');
          if (msg.kind === 'handle') return skill.handle(msg.intent, ctx, msg.utterance);
          return skill.followUp ? skill.followUp(msg.text, msg.state, ctx, msg.utterance) : undefined;
        };
        run().then(
          (value) =>
            send({
              t: 'result',
              callId: msg.callId,
              ok: true,
              value: value === undefined ? null : JSON.parse(JSON.stringify(value)),
            }),
          (error) => send({ t: 'result', callId: msg.callId, ok: false, error: toWireError(error) }),
        );
        return;
      }
    }
  };
}
