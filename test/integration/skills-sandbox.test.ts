/**
 * The child-process sandbox of third-party skills (Node's permission model + the in-process network lockdown):
 * real child processes, a real SQLite file, a real TCP server on loopback.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinSkills } from '../../skills/index.js';
import { addTestHousehold, createFixture, type Fixture } from '../../hub/skills/testing/fixture.js';
import { writeSentenceSkill } from '../../hub/skills/testing/sentence-skill.js';

let f: Fixture;

beforeEach(async () => {
  // callTimeoutMs: a ceiling for a hang (a skill here imports nine modules in a sandboxed process in one call).
  f = createFixture({ config: { callTimeoutMs: 30_000, memoryLimitMb: 64, maxConsecutiveFailures: 3 } });
  addTestHousehold(f.devices);
  await f.runtime.start();
  for (const skill of builtinSkills) await f.runtime.registerBuiltin(skill);
});
afterEach(async () => f.close());

async function loadSkill(id: string, sentence: string, handleBody: string, files: Record<string, string> = {}) {
  const skill = { id, sentence, handleBody, permissions: ['storage' as const], files };
  const { manifest, entry, dir } = writeSentenceSkill(join(f.dir, 'skills'), skill);
  return { info: await f.runtime.loadIsolated(manifest, entry), dir };
}

async function hubStillAnswers(): Promise<void> {
  const result = await f.runtime.handleUtterance('turn on the reading lamp');
  expect(result.reply).toBe('Turned on the reading lamp.');
}

describe('skill sandbox (child process + permission model)', () => {
  it("reads its own install dir, but not the hub's database or another skill's files; an uncaught refusal is reported", async () => {
    await loadSkill('neighbour', 'neighbour ping', "return { reply: 'pong' };", {
      'secrets.json': '{"token":"neighbour-secret"}',
    });
    const neighbourFile = join(f.dir, 'skills', 'neighbour', 'secrets.json');
    await loadSkill(
      'snoop',
      'snoop around',
      `
      const own = fs.readFileSync(new URL('./notes.txt', import.meta.url), 'utf8');
      const tries = {};
      for (const [name, path] of Object.entries({ db: ${JSON.stringify(join(f.dir, 'hub.sqlite'))}, neighbour: ${JSON.stringify(neighbourFile)}, passwd: '/etc/passwd' })) {
        try { fs.readFileSync(path); tries[name] = 'allowed'; } catch (e) { tries[name] = e.code; }
      }
      return { reply: JSON.stringify({ own, tries }) };`,
      { 'notes.txt': 'my own notes' },
    );
    const result = await f.runtime.handleUtterance('snoop around');
    expect(JSON.parse(result.reply)).toEqual({
      own: 'my own notes',
      tries: { db: 'ERR_ACCESS_DENIED', neighbour: 'ERR_ACCESS_DENIED', passwd: 'ERR_ACCESS_DENIED' },
    });

    await loadSkill(
      'grabber',
      'grab the database',
      `return { reply: fs.readFileSync(${JSON.stringify(join(f.dir, 'hub.sqlite'))}, 'latin1') };`,
    );
    const grabbed = await f.runtime.handleUtterance('grab the database');
    expect(grabbed.error).toMatchObject({
      code: 'SKILL_FAILED',
      message: expect.stringContaining('sandbox refused FileSystemRead'),
    });
    expect(grabbed.error?.message).toContain('hub.sqlite');
    expect(f.runtime.get('grabber')).toMatchObject({ consecutiveFailures: 1, lastError: { code: 'SKILL_FAILED' } });
    await hubStillAnswers();
  });

  it('cannot write files, start processes or workers, or signal the hub', async () => {
    const { dir } = await loadSkill(
      'escaper',
      'try to escape',
      `
      const { default: cp } = await import('node:child_process');
      const { Worker } = await import('node:worker_threads');
      const out = {};
      const tries = {
        exec: () => cp.execSync('id').toString(),
        spawn: () => cp.spawnSync('id').stdout.toString(),
        write: () => fs.writeFileSync(new URL('./dropped.txt', import.meta.url), 'x'),
        worker: () => new Worker('1', { eval: true }),
        kill: () => process.kill(process.ppid, 'SIGTERM'),
        env: () => { if (Object.keys(process.env).length) return; throw Object.assign(new Error('empty'), { code: 'EMPTY_ENV' }); },
      };
      for (const [name, fn] of Object.entries(tries)) { try { fn(); out[name] = 'allowed'; } catch (e) { out[name] = e.code; } }
      return { reply: JSON.stringify(out) };`,
    );
    const result = await f.runtime.handleUtterance('try to escape');
    expect(JSON.parse(result.reply)).toEqual({
      exec: 'ERR_ACCESS_DENIED',
      spawn: 'ERR_ACCESS_DENIED',
      write: 'ERR_ACCESS_DENIED',
      worker: 'ERR_ACCESS_DENIED',
      kill: 'ERR_ACCESS_DENIED',
      env: 'EMPTY_ENV',
    });
    await loadSkill(
      'execer',
      'run a command',
      "const { execSync } = await import('node:child_process'); return { reply: execSync('id').toString() };",
    );
    const exec = await f.runtime.handleUtterance('run a command');
    expect(exec.error).toMatchObject({ code: 'SKILL_FAILED', message: expect.stringContaining('ERR_ACCESS_DENIED') });
    expect(() => writeFileSync(join(dir, 'probe'), 'hub can still write')).not.toThrow();
    await hubStillAnswers();
  });

  describe('network', () => {
    let server: Server;
    let connections = 0;
    let port = 0;
    beforeEach(async () => {
      connections = 0;
      server = createServer((socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterEach(async () => new Promise<void>((resolve) => server.close(() => resolve())));

    it('every way to open a TCP connection is refused and the server sees none', async () => {
      await loadSkill(
        'caller',
        'phone home',
        `
        const port = ${port};
        const net = await import('node:net');
        const { connect } = await import('node:net');
        const http = await import('node:http');
        const tty = await import('node:tty');
        const tls = await import('node:tls');
        const dgram = await import('node:dgram');
        const tries = {
          netConnect: () => net.default.connect(port, '127.0.0.1'),
          namedConnect: () => connect(port, '127.0.0.1'),
          socketClass: () => new net.Socket().connect(port, '127.0.0.1'),
          ttyPrototype: () => { const Socket = Object.getPrototypeOf(tty.WriteStream.prototype).constructor; new Socket().connect(port, '127.0.0.1'); },
          http: () => http.get('http://127.0.0.1:' + port + '/'),
          tls: () => tls.connect(port, '127.0.0.1'),
          udp: () => dgram.createSocket('udp4').send('x', port, '127.0.0.1'),
          listen: () => net.createServer().listen(0),
          fetch: () => fetch('http://127.0.0.1:' + port + '/'),
        };
        const out = {};
        for (const [name, fn] of Object.entries(tries)) { try { await fn(); out[name] = 'allowed'; } catch (e) { out[name] = e.code; } }
        await new Promise((r) => setTimeout(r, 100));
        return { reply: JSON.stringify(out) };`,
      );
      const result = await f.runtime.handleUtterance('phone home');
      const outcome = JSON.parse(result.reply) as Record<string, string>;
      expect(Object.keys(outcome)).toHaveLength(9);
      for (const [name, code] of Object.entries(outcome))
        expect({ name, code }).toEqual({ name, code: 'ERR_ACCESS_DENIED' });
      await new Promise((r) => setTimeout(r, 100));
      expect(connections).toBe(0);
      await hubStillAnswers();
    });

    it('the test server itself is reachable, so the refusal above is the sandbox', async () => {
      const { connect } = await import('node:net');
      await new Promise<void>((resolve, reject) =>
        connect(port, '127.0.0.1')
          .on('close', () => resolve())
          .on('error', reject),
      );
      expect(connections).toBe(1);
    });
  });

  it('lists the skill as isolated and restarts a fresh process after a crash', async () => {
    await loadSkill(
      'quitter',
      'quit now',
      "if (await ctx.storage.get('ran')) return { reply: 'back again' }; await ctx.storage.set('ran', true); process.exit(3);",
    );
    expect(f.runtime.get('quitter')?.isolated).toBe(true);
    const first = await f.runtime.handleUtterance('quit now');
    expect(first.error).toMatchObject({ code: 'SKILL_FAILED', message: expect.stringContaining('exited with code 3') });
    expect((await f.runtime.handleUtterance('quit now')).reply).toBe('back again');
  });
});
