import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnHearth } from './hub.js';
import { hubNodeEnv, hubNodeFlags } from './node-flags.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function checkoutWith(shebang: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-node-flags-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin/hearth.js'), `${shebang}\nconsole.log('hi');\n`);
  return dir;
}

describe('hubNodeFlags / hubNodeEnv', () => {
  it('split the shebang into the variables env sets and the flags node gets', () => {
    const dir = checkoutWith('#!/usr/bin/env -S A_B=2 C=x=y node --one --two=3');
    expect(hubNodeEnv(dir)).toEqual({ A_B: '2', C: 'x=y' });
    expect(hubNodeFlags(dir)).toEqual(['--one', '--two=3']);
  });

  it('find nothing in a plain shebang', () => {
    const dir = checkoutWith('#!/usr/bin/env node');
    expect(hubNodeEnv(dir)).toEqual({});
    expect(hubNodeFlags(dir)).toEqual([]);
  });

  it("hand bin/hearth.js's variables to a hub spawned by the test harness", async () => {
    const expected = hubNodeEnv(resolve(import.meta.dirname, '../..'));
    expect(expected.UV_THREADPOOL_SIZE).toBe('2');
    const { child, exited } = spawnHearth(['help']);
    const environ = await new Promise<string>((done) =>
      child.once('spawn', () => done(readFileSync(`/proc/${child.pid}/environ`, 'utf8'))),
    );
    await exited;
    expect(environ.split('\0')).toContain('UV_THREADPOOL_SIZE=2');
  });
});
