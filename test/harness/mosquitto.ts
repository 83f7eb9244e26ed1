import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
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

function accepting(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (child.exitCode !== null || Date.now() - started > timeoutMs) reject(new Error(`mosquitto did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export interface MosquittoOptions {
  /** mosquitto.conf lines added after the loopback listener, e.g. `max_queued_messages 0`. */
  config?: string[];
}

export async function startMosquitto(options: MosquittoOptions = {}): Promise<MosquittoInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-mosquitto-'));
  const port = await freePort();
  const configFile = join(dir, 'mosquitto.conf');
  const lines = [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence false', 'log_dest none', ...(options.config ?? [])];
  writeFileSync(configFile, `${lines.join('\n')}\n`);
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn('mosquitto', ['-c', configFile], { stdio: 'ignore' });
    await accepting(port, child, 5000);
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
  await launch();
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
