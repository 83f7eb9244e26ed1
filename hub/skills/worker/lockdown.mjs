// @ts-check
/**
 * Network lockdown for a skill's child process, applied before the skill's module loads.
 *
 * Node 20's permission model (--experimental-permission) covers the file system, child processes, workers,
 * addons, WASI and the inspector, but NOT the network. This closes the network from inside the process. It is
 * defence in depth, not a boundary the kernel enforces: the only sanctioned HTTP for a skill is `ctx.fetch`,
 * which runs in the hub and is checked against the skill's `http:<host>` permissions.
 *
 * Three layers, because the exports alone can be bypassed through prototype chains (tty.WriteStream extends
 * net.Socket, for instance): the socket classes' own prototypes, the public module exports, and the globals.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);

/** Modules whose every export is replaced by a refusal. */
export const NETWORK_MODULES = ['net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'dns/promises'];
/** Globals that reach the network. */
export const NETWORK_GLOBALS = ['fetch', 'WebSocket', 'EventSource'];

/** Why each kind of call is refused, said in the error a skill (and the hub's log) sees. */
const WHY = {
  Network: 'skills have no network access; use ctx.fetch with an http:<host> permission',
  Process: "skills may not signal or reprioritise processes, the hub's or any other",
};

/**
 * @param {string} what
 * @param {keyof typeof WHY} [permission]
 */
export function deniedError(what, permission = 'Network') {
  const err = /** @type {Error & {code: string, permission: string, resource: string}} */ (
    new Error(`the skill sandbox refused ${what}: ${WHY[permission]}`)
  );
  err.code = 'ERR_ACCESS_DENIED';
  err.permission = permission;
  err.resource = what;
  return err;
}

/**
 * @param {string} what
 * @param {keyof typeof WHY} [permission]
 */
function refusal(what, permission = 'Network') {
  return function refused() {
    throw deniedError(what, permission);
  };
}

/** @param {object} target @param {string} key @param {unknown} value */
function pin(target, key, value) {
  const current = Object.getOwnPropertyDescriptor(target, key);
  if (current && !current.configurable) return;
  Object.defineProperty(target, key, {
    value,
    writable: false,
    configurable: false,
    enumerable: current?.enumerable ?? true,
  });
}

function closeSocketPrototypes() {
  const net = require('node:net');
  pin(net.Socket.prototype, 'connect', refusal('net.Socket#connect'));
  pin(net.Server.prototype, 'listen', refusal('net.Server#listen'));
  const dgram = require('node:dgram');
  for (const method of ['bind', 'send', 'connect'])
    pin(dgram.Socket.prototype, method, refusal(`dgram.Socket#${method}`));
}

function closeModuleExports() {
  for (const name of NETWORK_MODULES) {
    const exports = require(`node:${name}`);
    for (const key of Object.getOwnPropertyNames(exports)) {
      const descriptor = Object.getOwnPropertyDescriptor(exports, key);
      // Lazy getters (net.BlockList…) hide functions too, so replace every property that is or may be one.
      if (
        descriptor &&
        ('get' in descriptor ||
          typeof descriptor.value === 'function' ||
          (typeof descriptor.value === 'object' && descriptor.value !== null))
      )
        pin(exports, key, refusal(`${name}.${key}`));
    }
    Object.freeze(exports);
  }
  // ESM named imports (`import { connect } from 'node:net'`) are copies; this pushes the refusals into them.
  syncBuiltinESMExports();
}

function closeGlobals() {
  for (const name of NETWORK_GLOBALS) pin(globalThis, name, refusal(name));
}

/** Signalling other processes (the hub included) is not covered by the permission model either. */
function closeProcessSignals() {
  pin(process, 'kill', refusal('process.kill', 'Process'));
  const os = require('node:os');
  pin(os, 'setPriority', refusal('os.setPriority', 'Process'));
  syncBuiltinESMExports();
}

export function lockDown() {
  closeSocketPrototypes();
  closeModuleExports();
  closeGlobals();
  closeProcessSignals();
}
