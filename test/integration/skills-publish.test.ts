/**
 * A skill's whole life: scaffold → its own test passes → pack → sign → publish to the HTTP store → install
 * through the hub's API (approval, signature check) → a typed command handled by it → uninstall.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApi, type TestApi } from '../../hub/api/testing/test-api.js';
import { EventBus } from '../../hub/core/event-bus.js';
import type { HubEvents } from '../../hub/core/events.js';
import { silentLogger } from '../../hub/core/logger.js';
import { MemoryDevices, MemoryHousehold } from '../../hub/api/testing/memory-services.js';
import { openDatabase, type Db } from '../../hub/store/database.js';
import { createPublisherKey, packSkill, signSkill } from '../../hub/skills/cli/pack.js';
import { scaffoldSkill } from '../../hub/skills/cli/scaffold.js';
import { publishSkill } from '../../hub/skills/cli/source.js';
import {
  DirectoryStore,
  runSkillCommand,
  skillsConfigSchema,
  startSkillStoreServer,
  type SkillInstaller,
  type SkillRuntime,
} from '../../hub/skills/index.js';
import { startSkillsWithLanguage } from '../../hub/skills/testing/with-language.js';
import { builtinSkills } from '../../skills/index.js';

let dir: string;
let db: Db;
let runtime: SkillRuntime;
let installer: SkillInstaller;
let api: TestApi;
let apiUrl: string;
let store: { url: string; close(): Promise<void> };
let publicKey: string;
const lines: string[] = [];
const print = (line: string) => lines.push(line);

async function utter(text: string): Promise<Record<string, any>> {
  const res = await fetch(`${apiUrl}/api/v1/utterances`, {
    method: 'POST',
    headers: { ...api.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, any>;
}

const skillCmd = (...args: string[]) =>
  runSkillCommand(args, { hub: { url: apiUrl, token: api.token }, storeUrl: store.url, print });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-skill-e2e-'));
  ({ publicKey } = createPublisherKey(join(dir, 'acme.pem')));
  db = openDatabase(join(dir, 'hub.sqlite'));
  const bus = new EventBus<HubEvents>(silentLogger);
  const household = new MemoryHousehold();
  const devices = new MemoryDevices(household, bus);
  const config = skillsConfigSchema.parse({ trustedPublishers: [{ id: 'acme', publicKey }] });
  ({ runtime, installer } = await startSkillsWithLanguage({
    devices,
    household,
    db,
    bus,
    config,
    dataDir: join(dir, 'data'),
    builtins: builtinSkills,
  }));
  api = await buildTestApi({
    events: bus,
    skills: runtime,
    installer,
  });
  apiUrl = await api.app.listen({ host: '127.0.0.1', port: 0 });
  store = await startSkillStoreServer(new DirectoryStore(join(dir, 'store')));
});

afterAll(async () => {
  await api.app.close();
  await store.close();
  await runtime.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

// One story in steps (pack and publish, refuse, install, collide, uninstall): each test starts where the one before ended.
describe('skill publishing end to end', { shuffle: false }, () => {
  let packageFile: string;

  it('scaffolds a skill whose own test passes', () => {
    const { dir: skillDir, files } = scaffoldSkill('hello-world', { dir, publisher: 'acme' });
    expect(files).toContain('index.test.js');
    const output = execFileSync(process.execPath, ['--test'], { cwd: skillDir, encoding: 'utf8' });
    expect(output).toMatch(/pass 1/);
  });

  it('packs (no collisions with the built-ins), signs and publishes to the HTTP store', async () => {
    const known = Object.fromEntries(builtinSkills.map((s) => [s.id, s.intents]));
    const packed = packSkill(join(dir, 'hello-world'), { against: known });
    expect(packed.collisions).toEqual([]);
    packageFile = packed.file;
    signSkill(packageFile, { keyFile: join(dir, 'acme.pem'), publisher: 'acme' });
    await publishSkill(packageFile, store.url);
    const listing = (await (await fetch(`${store.url}/skills`)).json()) as { id: string; permissions: string[] }[];
    expect(listing).toEqual([
      expect.objectContaining({ id: 'hello-world', version: '0.1.0', publisher: 'acme', permissions: ['storage'] }),
    ]);
  });

  it('refuses to install without approval, and shows the permissions', async () => {
    lines.length = 0;
    expect(await skillCmd('install', 'hello-world')).toBe(1);
    expect(lines.join('\n')).toMatch(/permissions: storage/);
    expect(lines.join('\n')).toMatch(/not approved/);
    expect(runtime.get('hello-world')).toBeUndefined();
  });

  it('refuses a package with one byte changed', async () => {
    const tampered = join(dir, 'tampered.tgz');
    const bytes = readFileSync(packageFile);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x01;
    writeFileSync(tampered, bytes);
    writeFileSync(`${tampered}.sig.json`, readFileSync(`${packageFile}.sig.json`));
    lines.length = 0;
    expect(await skillCmd('install', tampered, '--yes')).toBe(1);
    expect(lines.join('\n')).toMatch(/SIGNATURE_INVALID.*changed after signing/);
  });

  it('installs from the store with --yes and handles a typed command without a restart', async () => {
    lines.length = 0;
    expect(await skillCmd('install', 'hello-world', '--yes')).toBe(0);
    expect(lines.at(-1)).toBe('Installed hello-world 0.1.0; it is active now.');
    const result = await utter('say hello from hello world');
    expect(result).toMatchObject({
      skill: 'hello-world',
      intent: { name: 'HelloWorldHello' },
      reply: 'Hello from hello world! That makes 1 greeting.',
    });
    expect((await utter('greet me from hello world')).reply).toBe('Hello from hello world! That makes 2 greetings.');
    expect(runtime.get('hello-world')).toMatchObject({ isolated: true, builtin: false });
  });

  it('reports a colliding skill at pack time and refuses it at install, naming the sentence', async () => {
    const { dir: copyDir } = scaffoldSkill('hello-copy', { dir, publisher: 'acme' });
    const manifest = JSON.parse(readFileSync(join(copyDir, 'skill.json'), 'utf8'));
    manifest.intents = { CopyHello: { sentences: ['say hello from hello world'] } };
    writeFileSync(join(copyDir, 'skill.json'), JSON.stringify(manifest));
    const packed = packSkill(copyDir, {
      against: { 'hello-world': JSON.parse(readFileSync(join(dir, 'hello-world', 'skill.json'), 'utf8')).intents },
    });
    expect(packed.collisions.map((c) => c.sentence)).toEqual(['say hello from hello world']);
    signSkill(packed.file, { keyFile: join(dir, 'acme.pem'), publisher: 'acme' });
    lines.length = 0;
    expect(await skillCmd('install', packed.file, '--yes')).toBe(1);
    expect(lines.join('\n')).toMatch(/sentence collisions: "say hello from hello world"/);
  });

  it('lists and uninstalls', async () => {
    lines.length = 0;
    await skillCmd('list');
    expect(lines.some((l) => l.startsWith('hello-world') && l.includes('installed'))).toBe(true);
    expect(await skillCmd('uninstall', 'hello-world')).toBe(0);
    expect(runtime.get('hello-world')).toBeUndefined();
    expect(installer.list()).toEqual([]);
    expect((await utter('say hello from hello world')).skill).not.toBe('hello-world');
  });
});
