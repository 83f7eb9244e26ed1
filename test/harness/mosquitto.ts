import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Debian `mosquitto` started for one test: loopback only, anonymous allowed, no persistence. */
export interface MosquittoInstance {
  port: number;
  url: string;
  /** The running process's id (0 while killed); changes on restart(). */
  readonly pid: number;
  stop(): Promise<void>;
  /** Stops the process but keeps the port reserved for restart(). */
  kill(): Promise<void>;
  restart(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Resolves once mosquitto says it is running (its listener is bound), rejects with its output if it exits first.
 * Connecting to the port is no proof: when the port was taken between freePort() and mosquitto's bind,
 * the connection reaches whoever took it.
 */
function untilRunning(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail('did not start in time'), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/ running$/m.test(output)) done();
    };
    const onExit = () => fail('exited');
    const onError = (err: Error) => fail(err.message);
    const settle = () => {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const done = () => {
      settle();
      resolve();
    };
    function fail(why: string) {
      settle();
      reject(new Error(`mosquitto ${why}:\n${output}`));
    }
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

export interface MosquittoOptions {
  /** mosquitto.conf lines added after the loopback listener, e.g. `max_queued_messages 0`. */
  config?: string[];
}

export async function startMosquitto(options: MosquittoOptions = {}): Promise<MosquittoInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-mosquitto-'));
  const configFile = join(dir, 'mosquitto.conf');
  let port = 0;
  let child: ChildProcess | undefined;
  const launch = async () => {
    // Errors and the start-up lines only ("running" once the listener is bound); no per-connection notices.
    const lines = [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence false',
      'log_dest stderr',
      'log_type error',
      'log_type information',
      ...(options.config ?? []),
    ];
    writeFileSync(configFile, `${lines.join('\n')}\n`);
    child = spawn('mosquitto', ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.resume();
    await untilRunning(child, 10_000);
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  // Another process may take the free port before mosquitto binds it: then try another one.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (err) {
      await kill();
      if (attempt === 3) throw err;
    }
  }
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    get pid() {
      return child?.pid ?? 0;
    },
    kill,
    restart: launch,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
