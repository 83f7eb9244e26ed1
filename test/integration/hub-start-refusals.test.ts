/**
 * What a new household meets when something is in the way: a second hub on the same data dir, a port in use, a
 * data dir that cannot be used, a client pointed at no hub, a pipe closed early, `npm start` or `npx hearth start` killed. Each is one
 * clear line with exit code 2 (or a quiet, clean stop), never a stack trace, and never harms the hub that runs.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../hub/core/logger.js';
import { createHub } from '../../hub/main.js';
import { loopbackHubConfig, REPO_ROOT, spawnHearth, spawnHubProcess, startTestHub } from '../harness/hub.js';
import { hubNodeEnv, hubNodeFlags } from '../harness/node-flags.js';
import { until } from '../harness/until.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-refusals-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** What a person reads: the lines that are not the hub's JSON log. */
/** `hearth start` on loopback with ports the system picks. */
const startOnLoopback = (dataDir: string) =>
  spawnHearth(['start', '--data-dir', dataDir, '--http-port', '0', '--mqtt-port', '0', '--host', '127.0.0.1']);

/**
 * A ceiling for a test that starts a hub or the CLI through tsx (or npm): a hang's limit, not a measure — on this
 * 2-core machine shared by eight engineers (load ~30) one start took over a minute.
 */
const SPAWN_CEILING_MS = 150_000;
const said = (output: string) => output.split('\n').filter((l) => l.trim() && !l.startsWith('{'));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('one hub per data dir', () => {
  it('a second hub on the same data dir exits 2 naming the running one, and leaves it untouched', async () => {
    const dataDir = tempDir();
    const first = await spawnHubProcess(dataDir);
    cleanups.push(() => first.child.kill('SIGKILL'));
    const runtimeBefore = readFileSync(join(dataDir, 'hub.json'), 'utf8');

    const second = startOnLoopback(dataDir);
    expect((await second.exited).code).toBe(2);
    expect(said(second.output())).toEqual([
      `hearth start: DATA_DIR_IN_USE: another hub (pid ${first.runtime.pid}, API ${first.runtime.http.url}, started ${first.runtime.startedAt}) ` +
        `is using the data dir ${dataDir}; stop it first, or start this one with another --data-dir`,
    ]);
    expect(readFileSync(join(dataDir, 'hub.json'), 'utf8')).toBe(runtimeBefore);
    expect((await fetch(`${first.runtime.http.url}/api/v1/health`)).status).toBe(200);

    // Killed outright, the first hub leaves no lock behind: the operating system drops it with the process.
    first.child.kill('SIGKILL');
    await first.exited;
    const third = await spawnHubProcess(dataDir);
    cleanups.push(() => third.child.kill('SIGKILL'));
    expect(third.runtime.pid).not.toBe(first.runtime.pid);
  }, 180_000); // three hub processes started through tsx, one after the other: seconds each on a loaded machine

  it('in one process too: the second start is refused, the first hub keeps working, and stop releases the dir', async () => {
    const first = await startTestHub({ dataDir: tempDir() });
    cleanups.push(() => first.stop());
    const config = loopbackHubConfig(first.dataDir);
    const second = createHub(config, { log: silentLogger, env: {} });
    await expect(second.start()).rejects.toMatchObject({
      code: 'DATA_DIR_IN_USE',
      message: expect.stringContaining(`pid ${process.pid}`),
    });
    expect((await first.api('POST', '/utterances', { text: 'what time is it' })).status).toBe(200);
    await first.stop();
    const again = await startTestHub({ dataDir: first.dataDir });
    cleanups.push(() => again.stop());
  });
});

describe('hearth start refuses what it cannot use, in one line with exit code 2', () => {
  it(
    'an HTTP port in use',
    async () => {
      const blocker: Server = createServer();
      await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
      cleanups.push(() => new Promise((r) => blocker.close(r)));
      const taken = (blocker.address() as { port: number }).port;
      const run = spawnHearth([
        'start',
        '--data-dir',
        tempDir(),
        '--host',
        '127.0.0.1',
        '--http-port',
        String(taken),
        '--mqtt-port',
        '0',
      ]);
      expect((await run.exited).code).toBe(2);
      expect(said(run.output())).toEqual([
        `hearth start: PORT_IN_USE: http.port: 127.0.0.1:${taken} is already in use (another hub or program listens there); stop it, or pass --http-port N (0 picks a free port)`,
      ]);
      expect(run.output()).not.toMatch(/"level":50|EADDRINUSE|at .*\.ts:\d+/);
    },
    SPAWN_CEILING_MS,
  );

  it(
    'a data dir that is a file, or lies under one',
    async () => {
      const file = join(tempDir(), 'not-a-dir');
      writeFileSync(file, 'x');
      const onFile = startOnLoopback(file);
      expect((await onFile.exited).code).toBe(2);
      expect(said(onFile.output())).toEqual([
        `hearth start: CONFIG_INVALID: dataDir: ${file} is a file, not a directory; pass --data-dir with a directory`,
      ]);
      const under = startOnLoopback(join(file, 'data'));
      expect((await under.exited).code).toBe(2);
      expect(said(under.output())).toEqual([
        `hearth start: CONFIG_INVALID: dataDir: cannot create ${join(file, 'data')} (a part of the path is a file); pass --data-dir with a directory you may write`,
      ]);
    },
    2 * SPAWN_CEILING_MS,
  ); // two starts
});

describe('hearth client commands', () => {
  it(
    'a --data-dir no hub runs on is one line with exit code 2, not a guess at port 8080',
    async () => {
      const empty = tempDir();
      const run = spawnHearth(['status', '--data-dir', empty]);
      expect((await run.exited).code).toBe(2);
      expect(said(run.output())).toEqual([
        `hearth status: no hub is running with its data in ${empty} (there is no ${join(empty, 'hub.json')}): start one with \`hearth start --data-dir ${empty}\`, or pass --data-dir, or --url and --token`,
      ]);
    },
    SPAWN_CEILING_MS,
  );

  it(
    '`hearth devices list | head -1` stops quietly when the reader has gone (no EPIPE)',
    async () => {
      const hub = await startTestHub({
        config: {
          areas: [{ id: 'hall', name: 'Hall' }],
          devices: Array.from({ length: 400 }, (_, i) => ({
            id: `lamp-${i}`,
            name: `Lamp ${i}`,
            area: 'hall',
            type: 'light',
          })),
        },
      });
      cleanups.push(() => hub.stop());
      const entry = [...hubNodeFlags(REPO_ROOT), '--import', 'tsx', join(REPO_ROOT, 'hub/cli/dev-entry.ts')]
        .map((a) => `'${a}'`)
        .join(' ');
      const pipeline = spawn(
        'bash',
        [
          '-c',
          `set -o pipefail; '${process.execPath}' ${entry} devices list --json --data-dir '${hub.dataDir}' | head -1`,
        ],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, ...hubNodeEnv(REPO_ROOT), HEARTH_API_TOKEN: '', HEARTH_CONFIG: '' },
        },
      );
      let stdout = '';
      let stderr = '';
      pipeline.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      pipeline.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => pipeline.once('exit', resolve));
      expect(stdout).toBe('[\n');
      expect(stderr).toBe('');
      expect(code).toBe(0);
    },
    SPAWN_CEILING_MS,
  );
});

describe('npm start and npx hearth start', () => {
  /**
   * A copy of this package's start script, with bin/hearth.js running the sources (no build needed), also linked
   * where `npx hearth` finds it.
   */
  function npmProject(): string {
    const dir = tempDir();
    const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'start-check', private: true, scripts: { start: scripts.start } }),
    );
    // tsx by its path: the script runs in the temporary project, where there is no node_modules.
    const entry = [
      ...hubNodeFlags(REPO_ROOT),
      '--import',
      import.meta.resolve('tsx'),
      join(REPO_ROOT, 'hub/cli/dev-entry.ts'),
    ]
      .map((a) => `'${a}'`)
      .join(' ');
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'hearth.js'), `#!/bin/sh\nexec '${process.execPath}' ${entry} "$@"\n`);
    chmodSync(join(bin, 'hearth.js'), 0o755);
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(join(bin, 'hearth.js'), join(dir, 'node_modules', '.bin', 'hearth'));
    return dir;
  }

  /** `npm start -- …` or `npx hearth start …` in the project, until the hub has written hub.json. */
  async function underNpm(how: 'npm start' | 'npx', dataDir: string) {
    const flags = ['--data-dir', dataDir, '--http-port', '0', '--mqtt-port', '0', '--host', '127.0.0.1'];
    const [command, args] =
      how === 'npm start' ? ['npm', ['start', '--', ...flags]] : ['npx', ['hearth', 'start', ...flags]];
    const npm = spawn(command, args, {
      cwd: npmProject(),
      env: {
        ...process.env,
        ...hubNodeEnv(REPO_ROOT),
        HEARTH_API_TOKEN: '',
        HEARTH_CONFIG: '',
        npm_config_update_notifier: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (d: Buffer) => (output += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (output += d.toString()));
    cleanups.push(() => npm.kill('SIGKILL'));
    await until(
      () => existsSync(join(dataDir, 'hub.json')),
      () => `the hub to start under ${how}: ${output}`,
      SPAWN_CEILING_MS,
    );
    const hubPid = (JSON.parse(readFileSync(join(dataDir, 'hub.json'), 'utf8')) as { pid: number }).pid;
    cleanups.push(() => alive(hubPid) && process.kill(hubPid, 'SIGKILL'));
    return { npm, hubPid, output: () => output };
  }

  /** Kills npm (started `how`) with `signal`; the hub must stop and leave no hub.json. Returns what it printed. */
  async function killNpm(how: 'npm start' | 'npx', signal: NodeJS.Signals): Promise<string> {
    const dataDir = tempDir();
    const { npm, hubPid, output } = await underNpm(how, dataDir);
    npm.kill(signal);
    await until(
      () => !alive(hubPid),
      () => `the hub (pid ${hubPid}) to stop: ${output()}`,
      60_000,
    );
    expect(existsSync(join(dataDir, 'hub.json'))).toBe(false);
    return output();
  }

  for (const how of ['npm start', 'npx'] as const) {
    it(
      `kill (SIGTERM) of ${how} stops the hub cleanly: no orphan, no hub.json left`,
      async () => expect(await killNpm(how, 'SIGTERM')).toContain('hub stopped'),
      2 * SPAWN_CEILING_MS,
    );

    it(
      `kill -9 of ${how} stops the hub too: it notices npm is gone`,
      () => killNpm(how, 'SIGKILL'),
      2 * SPAWN_CEILING_MS,
    );
  }
});
