/**
 * A skill written outside the team (the real-speech dev set's coffee-ordering skill, ../shared/eval/real-speech-devel)
 * installs the way its README says — pack, sign, `install --yes`, no --allow-collisions — into a hub with every
 * built-in skill and a simulated coffee machine (firmware-sim over the hub's MQTT). Built-in sentences never refuse
 * it: where the smart-home skill also takes a sentence ("make me a coffee"), the installed skill's wins and the
 * install lists it; the smart-home skill keeps the rest ("start the coffee machine"). A second third-party skill
 * that claims the barista's sentences is refused, naming them.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SimulatedDevice } from '../../firmware-sim/core/simulated-device.js';
import type { RunningHousehold } from '../../firmware-sim/household-runner.js';
import { hearthCli, type CliRun } from '../harness/cli.js';
import { runHouseholdOn } from '../harness/household.js';
import { REPO_ROOT, startTestHub, type TestHub } from '../harness/hub.js';
import { until } from '../harness/until.js';
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
let home: RunningHousehold | undefined;
let devSet = '';

function hearth(args: string[], withHub = true): Promise<CliRun> {
  return hearthCli(args, { cwd: work, ...(withHub && hub ? { hub } : {}) });
}

/** `hearth say … --json`: which skill answered. */
async function say(text: string): Promise<{ skill?: string; intent?: { name: string }; reply?: string }> {
  const said = await hearth(['say', text, '--json']);
  expect(said.code, said.text).toBe(0);
  return JSON.parse(said.text);
}

/** Packs and signs a skill directory; returns the package file. */
async function packAndSign(dir: string, key: string, publisher: string): Promise<{ file: string; packed: string }> {
  const packed = await hearth(['skill', 'pack', dir, '--out', work], false);
  expect(packed.code, packed.text).toBe(0);
  const file = /→ (\S+\.tgz)/.exec(packed.text)![1]!;
  const signed = await hearth(['skill', 'sign', file, '--key', key, '--publisher', publisher], false);
  expect(signed.code, signed.text).toBe(0);
  return { file, packed: packed.text };
}

const machine = () => home!.devices.get('coffee-machine') as SimulatedDevice;
const programState = () => machine().state.program_state;

beforeAll(async () => {
  devSet = devSetDir();
  const trust = parse(readFileSync(join(devSet, 'skill-trust.yaml'), 'utf8')) as {
    skills: { trustedPublishers: Array<{ id: string; publicKey: string }> };
  };
  // A second publisher for the skill that collides with the barista.
  const keyed = await hearth(['skill', 'keygen', '--key', join(work, 'teahouse.pem')], false);
  const publicKey = /Public key for skills\.trustedPublishers: (\S+)/.exec(keyed.text)![1]!;
  hub = await startTestHub({
    config: {
      skills: { trustedPublishers: [...trust.skills.trustedPublishers, { id: 'teahouse-test', publicKey }] },
    },
  });
  home = await runHouseholdOn(
    hub,
    {
      floors: [],
      areas: [{ id: 'kitchen', name: 'kitchen', aliases: [] }],
      devices: [{ id: 'coffee-machine', name: 'coffee machine', aliases: [], area: 'kitchen', kind: 'coffee_machine' }],
    },
    { delay: { minMs: 5, maxMs: 10 } },
  );
}, 60_000);

afterAll(async () => {
  await home?.stop();
  await hub?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('a third-party skill installed the documented way', () => {
  it('without it, "make me a coffee" starts the coffee machine', async () => {
    expect(programState()).toBe('idle');
    expect(await say('make me a coffee')).toMatchObject({ skill: 'smart-home', intent: { name: 'HassTurnOn' } });
    await until(() => programState() === 'running', 'the coffee machine to run');
    expect((await say('turn off the coffee machine')).skill).toBe('smart-home');
    await until(() => programState() === 'idle', 'the coffee machine to stop');
  });

  it('installs next to the built-in skills, takes its own orders and leaves the machine sentences alone', async () => {
    cpSync(join(devSet, 'skill'), join(work, 'skill'), { recursive: true });
    const { file } = await packAndSign(
      join(work, 'skill'),
      join(devSet, 'skill-publisher-test-key.pem'),
      'barista-test',
    );
    const installed = await hearth(['skill', 'install', file, '--yes']);
    expect(installed.text).not.toMatch(/collision/i);
    expect(installed).toMatchObject({
      code: 0,
      text: expect.stringContaining('Installed barista 0.1.0; it is active now.'),
    });
    // The overlap is information: which requests go to the barista instead of a built-in skill.
    expect(installed.text).toMatch(
      /takes precedence over built-in sentences: .*goes to orderDrink, not smart-home\/HassTurnOn/,
    );

    expect(await say('could i get a large latte please')).toMatchObject({ skill: 'barista' });
    expect(await say('make me a coffee')).toMatchObject({ skill: 'barista', intent: { name: 'orderDrink' } });
    expect(await say("i'd like a latte")).toMatchObject({ skill: 'barista' });
    // The barista only answers; the machine was not started by the orders.
    expect(programState()).toBe('idle');
    expect(await say('start the coffee machine')).toMatchObject({
      skill: 'smart-home',
      intent: { name: 'HassTurnOn' },
    });
    await until(() => programState() === 'running', 'the coffee machine to run');
  });

  it('refuses a second third-party skill that claims the same sentences, naming them', async () => {
    const dir = join(work, 'teahouse');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'teahouse', version: '0.1.0', type: 'module' }));
    writeFileSync(
      join(dir, 'index.js'),
      "export default { id: 'teahouse', version: '0.1.0', permissions: [], intents: { orderTea: { sentences: [] } }, async handle() { return { reply: 'Tea.' }; } };\n",
    );
    writeFileSync(
      join(dir, 'skill.json'),
      JSON.stringify({
        id: 'teahouse',
        version: '0.1.0',
        hub: '>=0.1.0 <1.0.0',
        permissions: [],
        intents: {
          orderTea: {
            sentences: ['i would like [a] {drink}', 'brew me a pot of {drink}'],
            slots: { drink: { values: ['chai', 'latte', 'green tea'] } },
          },
        },
      }),
    );
    const { file } = await packAndSign(dir, join(work, 'teahouse.pem'), 'teahouse-test');
    const refused = await hearth(['skill', 'install', file, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.text).toMatch(
      /sentence collisions: "i would like \[a\] \{drink\}" \(orderTea vs barista\/orderDrink, both take "i would like latte"\)/,
    );
    expect(refused.text).not.toMatch(/brew me a pot/);
    expect(refused.text).toMatch(/^Refused: /m);
    expect((await hearth(['skill', 'list'])).text).not.toMatch(/teahouse/);
    expect(await say('i would like a latte')).toMatchObject({ skill: 'barista' });
  });
});
