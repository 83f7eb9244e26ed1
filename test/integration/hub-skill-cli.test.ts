/** `hearth skill` against a running hub: new → keygen → pack → sign → publish → install → `hearth say` → uninstall. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hearthCli, type CliRun } from '../harness/cli.js';
import { startTestHub, type TestHub } from '../harness/hub.js';

const work = mkdtempSync(join(tmpdir(), 'hearth-skill-cli-'));
const store = join(work, 'store');
let hub: TestHub | undefined;

function hearth(args: string[], withHub = true): Promise<CliRun> {
  return hearthCli(args, { cwd: work, ...(withHub && hub ? { hub } : {}) });
}

afterAll(async () => {
  await hub?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('hearth skill with a running hub', () => {
  it('publishes a new skill, installs it into the hub without a restart, and the hub answers with it', async () => {
    expect((await hearth(['skill', 'new', 'porch-greeter', '--dir', work, '--publisher', 'acme'], false)).code).toBe(0);
    const key = await hearth(['skill', 'keygen', '--key', join(work, 'acme.pem')], false);
    const publicKey = /trustedPublishers: (\S+)$/.exec(key.text)?.[1];
    expect(publicKey).toBeDefined();

    const packed = await hearth(['skill', 'pack', join(work, 'porch-greeter'), '--out', work], false);
    expect(packed.code).toBe(0);
    const file = /→ (\S+\.tgz)/.exec(packed.text)![1]!;
    expect(
      (await hearth(['skill', 'sign', file, '--key', join(work, 'acme.pem'), '--publisher', 'acme'], false)).code,
    ).toBe(0);
    expect((await hearth(['skill', 'publish', file, '--store', store], false)).code).toBe(0);

    hub = await startTestHub({ config: { skills: { trustedPublishers: [{ id: 'acme', publicKey }] } } });
    const installed = await hearth(['skill', 'install', 'porch-greeter', '--yes', '--store', store]);
    expect(installed).toMatchObject({
      code: 0,
      text: expect.stringContaining('Installed porch-greeter 0.1.0; it is active now.'),
    });

    const listed = await hearth(['skill', 'list']);
    expect(listed.text).toMatch(/^porch-greeter .*installed/m);
    const said = await hearth(['say', 'say hello from porch greeter', '--json']);
    expect(JSON.parse(said.text)).toMatchObject({
      skill: 'porch-greeter',
      reply: expect.stringMatching(/^Hello from porch greeter!/),
    });

    expect((await hearth(['skill', 'uninstall', 'porch-greeter'])).code).toBe(0);
    const after = JSON.parse((await hearth(['say', 'say hello from porch greeter', '--json'])).text);
    expect(after.skill).not.toBe('porch-greeter');
  });
});
