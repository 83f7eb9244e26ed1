/**
 * Runs inside a worker thread: loads one third-party skill and answers calls from the hub.
 * The skill's ctx forwards every capability to the main thread, which checks the permissions.
 */
import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { SkillDefinition } from '../../sdk/skill.js';
import { createSkillContext } from '../context.js';
import { toWireError, type ToWorker, type WireError } from './messages.js';

class RemoteError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

const port = parentPort;
if (!port) throw new Error('skill-worker must run in a worker thread');

let skill: SkillDefinition | undefined;
let skillId = '';
let config: Record<string, unknown> = {};
let nextRpc = 1;
const pendingRpc = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function contextFor(callId: number, hubNow: number) {
  const received = performance.now();
  const now = () => hubNow + Math.round(performance.now() - received);
  return createSkillContext(
    skillId,
    config,
    now,
    (method, args) =>
      new Promise((resolve, reject) => {
        const rpcId = nextRpc++;
        pendingRpc.set(rpcId, { resolve, reject });
        port!.postMessage({ t: 'rpc', rpcId, callId, method, args });
      }),
  );
}

async function init(entry: string): Promise<void> {
  const mod = (await import(pathToFileURL(entry).href)) as { default?: SkillDefinition };
  const def = mod.default;
  if (!def || typeof def !== 'object' || typeof def.handle !== 'function')
    throw new RemoteError(
      'MANIFEST_INVALID',
      `${entry} must export the skill as its default export (export default defineSkill({...}))`,
    );
  skill = def;
  port!.postMessage({
    t: 'ready',
    definition: {
      id: String(def.id),
      version: String(def.version),
      intents: Object.keys(def.intents ?? {}),
      hasFollowUp: typeof def.followUp === 'function',
    },
  });
}

port.on('message', (msg: ToWorker) => {
  switch (msg.t) {
    case 'init':
      skillId = msg.skillId;
      config = msg.config;
      init(msg.entry).catch((err: unknown) => port.postMessage({ t: 'initError', error: toWireError(err) }));
      return;
    case 'rpcResult': {
      const pending = pendingRpc.get(msg.rpcId);
      if (!pending) return;
      pendingRpc.delete(msg.rpcId);
      if (msg.ok) pending.resolve(msg.value);
      else pending.reject(new RemoteError((msg.error as WireError).code, msg.error.message));
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
          port.postMessage({
            t: 'result',
            callId: msg.callId,
            ok: true,
            value: value === undefined ? null : JSON.parse(JSON.stringify(value)),
          }),
        (err: unknown) => port.postMessage({ t: 'result', callId: msg.callId, ok: false, error: toWireError(err) }),
      );
      return;
    }
  }
});
