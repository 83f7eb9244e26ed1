// @ts-check
/**
 * Entry of a third-party skill's child process (see process-host.ts for the flags it runs under). Speaks the
 * same messages as the worker thread (messages.ts) over the IPC channel, with the same skill-runner.mjs. Plain
 * JavaScript: the permission model lets this process read only its own install dir and the runner's four files
 * (sandbox-support.ts), so no TypeScript loader can run.
 */
import { Writable } from 'node:stream';
import { Console } from 'node:console';
import { lockDown } from './lockdown.mjs';
import { skillRunner } from './skill-runner.mjs';

if (typeof process.send !== 'function')
  throw new Error('skill-process must be started with an IPC channel (child_process.fork)');

/** @param {unknown} msg */
const send = (msg) => {
  if (process.connected) process.send?.(msg, undefined, undefined, () => undefined);
};

/**
 * The skill's console goes to the hub's log over IPC. process.stdout/stderr are replaced before anything touches
 * them: the originals would be net.Socket instances, a way back to a socket class.
 * @param {'stdout'|'stderr'} stream
 */
function forwarding(stream) {
  return new Writable({
    write(chunk, _encoding, done) {
      send({ t: 'output', stream, text: String(chunk).slice(0, 2000) });
      done();
    },
  });
}
const out = forwarding('stdout');
const err = forwarding('stderr');
Object.defineProperty(process, 'stdout', { value: out, configurable: false, writable: false });
Object.defineProperty(process, 'stderr', { value: err, configurable: false, writable: false });
Object.defineProperty(globalThis, 'console', {
  value: new Console({ stdout: out, stderr: err }),
  configurable: false,
  writable: false,
});

lockDown();

process.on('message', skillRunner(send));

// The hub went away (or closed the channel): nothing left to serve.
process.on('disconnect', () => process.exit(0));
