/**
 * A skill written outside the team (the real-speech dev set's coffee-ordering skill, ../shared/eval/real-speech-devel)
 * installs the way its README says — pack, sign, `install --yes`, no --allow-collisions — into a hub with every
 * built-in skill, and answers its own sentences. Built-in sentences that claim what an ordering skill says
 * ("i'd like a latte") made that install refused.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hearthCli } from '../harness/cli.js';
import { REPO_ROOT, startTestHub, type TestHub } from '../harness/hub.js';

function devSetDir(): string {
  const roots = [REPO_ROOT];
  try {
    roots.push(
      dirname(
        execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
        }).trim(),
      ),
    );
  } catch {
    // not a git checkout: the project root is all there is
  }
  const tried = [...new Set(roots.map((root) => resolve(root, '..', 'shared', 'eval', 'real-speech-devel')))];
  const found = tried.find((path) => existsSync(join(path, 'skill', 'skill.json')));
  if (!found) throw new Error(`The real-speech dev set's skill is missing: looked in ${tried.join(' and ')}.`);
  return found;
}

const work = mkdtempSync(join(tmpdir(), 'hearth-third-party-'));
let hub: TestHub | undefined;

function hearth(args: string[], withHub = true): Promise<{ code: number; out: string }> {
  return hearthCli(args, { cwd: work, ...(withHub && hub ? { hub } : {}) });
}

afterAll(async () => {
  await hub?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('a third-party skill installed the documented way', () => {
  it('installs without sentence collisions next to the built-in skills and takes its own orders', async () => {
    const devSet = devSetDir();
    cpSync(join(devSet, 'skill'), join(work, 'skill'), { recursive: true });
    const trust = parse(readFileSync(join(devSet, 'skill-trust.yaml'), 'utf8')) as {
      skills: { trustedPublishers: Array<{ id: string; publicKey: string }> };
    };

    const packed = await hearth(['skill', 'pack', join(work, 'skill'), '--out', work], false);
    expect(packed.code).toBe(0);
    const file = /→ (\S+\.tgz)/.exec(packed.out)![1]!;
    const signed = await hearth(
      ['skill', 'sign', file, '--key', join(devSet, 'skill-publisher-test-key.pem'), '--publisher', 'barista-test'],
      false,
    );
    expect(signed.code).toBe(0);

    hub = await startTestHub({ config: { skills: { trustedPublishers: trust.skills.trustedPublishers } } });
    const installed = await hearth(['skill', 'install', file, '--yes']);
    expect(installed.out).not.toMatch(/collision/i);
    expect(installed).toMatchObject({
      code: 0,
      out: expect.stringContaining('Installed barista 0.1.0; it is active now.'),
    });

    const said = JSON.parse((await hearth(['say', 'could i get a large latte please', '--json'])).out);
    expect(said).toMatchObject({ skill: 'barista' });
  });
});
