/**
 * The reference Wyoming implementation (the `wyoming` Python package, vendored beside the project in
 * `../shared/vendor/wyoming-py`) as the peer of Hearth's tests: its client, and small servers written
 * with it (test/fixtures/wyoming/*.py) standing in for speech services and a satellite.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { REPO_ROOT } from './hub.js';

const VENDOR = join('shared', 'vendor', 'wyoming-py');
export const WYOMING_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'wyoming');

/**
 * `../shared/vendor/wyoming-py` from the project root. In a git worktree the project root is the main
 * checkout's, so that path is tried too. Throws, naming the paths, when the package is not there.
 */
export function wyomingPyPath(): string {
  const roots = [REPO_ROOT];
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    roots.push(dirname(common));
  } catch {
    // not a git checkout (a release tarball): the project root is all there is
  }
  const tried = [...new Set(roots.map((root) => resolve(root, '..', VENDOR)))];
  const found = tried.find((path) => existsSync(join(path, 'wyoming', 'event.py')));
  if (!found) {
    throw new Error(
      `The reference Wyoming package (python "wyoming" 1.9.0) is missing: looked in ${tried.join(' and ')}. ` +
        'Clone the project beside the shared/ folder that holds vendor/wyoming-py (CI does), or copy it there.',
    );
  }
  return found;
}

function pythonEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PYTHONPATH: wyomingPyPath(), PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' };
}

export interface PyRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout lines that are JSON objects. */
  json: Record<string, any>[];
}

function jsonLines(text: string): Record<string, any>[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);
}

/** Runs a fixture script to completion (the reference client) and returns what it printed. */
export function runPy(script: string, args: string[], timeoutMs = 30_000): Promise<PyRun> {
  return new Promise((done, fail) => {
    const child = spawn('python3', [join(WYOMING_FIXTURES, script), ...args], {
      env: pythonEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${script} ${args.join(' ')} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', (err) => fail(err));
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, json: jsonLines(stdout) });
    });
  });
}

export interface PyServer {
  port: number;
  uri: string;
  child: ChildProcess;
  /** JSON lines printed so far (what the stand-in received and did). */
  lines(): Record<string, any>[];
  /** Resolves with the first printed JSON line that satisfies `match`. */
  waitFor(match: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  output(): string;
  /** Kills it (SIGTERM, then SIGKILL) and waits until it is gone, so its port refuses connections. */
  stop(): Promise<void>;
}

/** Starts a fixture server; it binds port 0 and prints {"listening": port} first. */
export function startPyServer(script: string, args: string[] = [], timeoutMs = 15_000): Promise<PyServer> {
  const child = spawn('python3', [join(WYOMING_FIXTURES, script), '--port', '0', ...args], {
    env: pythonEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const listener of [...listeners]) listener();
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const lines = () => jsonLines(stdout.split('\n').slice(0, -1).join('\n'));
  const waitFor: PyServer['waitFor'] = (match, wait = 15_000) =>
    new Promise((done, fail) => {
      const check = () => {
        const hit = lines().find(match);
        if (!hit) return;
        listeners.delete(check);
        clearTimeout(timer);
        done(hit);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        fail(new Error(`${script}: no matching line within ${wait} ms; it printed:\n${stdout}\n${stderr}`));
      }, wait);
      listeners.add(check);
      check();
    });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(killer);
    }
  };
  return waitFor((line) => typeof line.listening === 'number', timeoutMs).then(
    (line) => ({
      port: line.listening as number,
      uri: `tcp://127.0.0.1:${line.listening}`,
      child,
      lines,
      waitFor,
      output: () => `${stdout}\n${stderr}`,
      stop,
    }),
    async (err) => {
      await stop();
      throw err;
    },
  );
}
