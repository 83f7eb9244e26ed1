import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../hub/cli/command.js';
import { runCli } from '../../hub/cli/main.js';
import { REPO_ROOT, startTestHub, type TestHub } from '../harness/hub.js';

const users = [
  { id: 'anna', name: 'Anna', role: 'adult' as const },
  { id: 'tom', name: 'Tom', role: 'child' as const },
];
let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

async function hearth(args: string[], secret: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    cwd: process.cwd(),
    readSecret: async () => secret,
  };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function login(url: string, userId: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: userId, password }),
  });
  return res.status;
}

describe('hearth password', () => {
  it("sets a user's password so they can log in, and says what is wrong otherwise", async () => {
    hub = await startTestHub({ config: { commerce: { users, defaultUser: 'anna' } } });
    const where = ['--data-dir', hub.dataDir];
    const url = hub.runtime.http.url;
    expect(await login(url, 'anna', 'kettle-on-at-seven')).toBe(401);

    const set = await hearth(['password', 'anna', ...where], 'kettle-on-at-seven');
    expect(set).toMatchObject({ code: 0 });
    expect(set.out).toContain('Password set for anna');
    expect(await login(url, 'anna', 'kettle-on-at-seven')).toBe(201);
    expect(await login(url, 'tom', 'kettle-on-at-seven')).toBe(401);

    const short = await hearth(['password', 'anna', ...where], 'abc');
    expect(short.code).toBe(2); // a value the person gave was wrong: exit 2, as the README says
    expect(short.err).toMatch(/password: must be at least \d+ characters/);
    expect(await login(url, 'anna', 'kettle-on-at-seven')).toBe(201);

    const unknown = await hearth(['password', 'nobody', ...where], 'kettle-on-at-seven');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('nobody');

    expect((await hearth(['password', ...where], 'x')).code).toBe(2);
    expect((await hearth(['password', 'anna', ...where], '')).err).toContain('empty');
  });

  it('reads the password from piped stdin, so it never appears on the command line', async () => {
    hub = await startTestHub({ config: { commerce: { users, defaultUser: 'anna' } } });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'hub/cli/dev-entry.ts'), 'password', 'tom', '--data-dir', hub.dataDir],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, HEARTH_API_TOKEN: '', HEARTH_CONFIG: '' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.stdin.end('bedtime-story-42\nthis second line is ignored\n');
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(output).toContain('Password set for tom');
    expect(code).toBe(0);
    expect(await login(hub.runtime.http.url, 'tom', 'bedtime-story-42')).toBe(201);
  });
});
