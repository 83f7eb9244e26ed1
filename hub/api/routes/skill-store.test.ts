import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../core/event-bus.js';
import type { HubEvents } from '../../core/events.js';
import { silentLogger } from '../../core/logger.js';
import { createPublisherKey, packSkill, signSkill } from '../../skills/cli/pack.js';
import { scaffoldSkill } from '../../skills/cli/scaffold.js';
import { publishSkill } from '../../skills/cli/source.js';
import {
  DirectoryStore,
  skillsConfigSchema,
  startSkillStoreServer,
  type SkillInstaller,
  type SkillRuntime,
} from '../../skills/index.js';
import { startSkillsWithLanguage } from '../../skills/testing/with-language.js';
import { openDatabase, type Db } from '../../store/database.js';
import { MemoryDevices, MemoryHousehold } from '../testing/memory-services.js';
import { buildTestApi, type TestApi } from '../testing/test-api.js';

let dir: string;
let db: Db;
let runtime: SkillRuntime;
let installer: SkillInstaller;
let httpStore: { url: string; close(): Promise<void> };
const apis: TestApi[] = [];

async function apiWith(storeUrl: string | undefined): Promise<TestApi> {
  const api = await buildTestApi({ installer, skillStoreUrl: storeUrl });
  apis.push(api);
  return api;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-skill-store-routes-'));
  const { publicKey } = createPublisherKey(join(dir, 'trusted.pem'));
  createPublisherKey(join(dir, 'stranger.pem'));
  for (const [id, key, publisher] of [
    ['lamp-jokes', 'trusted.pem', 'trusted'],
    ['odd-one', 'stranger.pem', 'stranger'],
  ] as const) {
    scaffoldSkill(id, { dir, publisher });
    const packed = packSkill(join(dir, id), { outDir: dir });
    signSkill(packed.file, { keyFile: join(dir, key), publisher });
    await publishSkill(packed.file, join(dir, 'store'));
  }
  db = openDatabase(join(dir, 'hub.db'));
  const bus = new EventBus<HubEvents>(silentLogger);
  const household = new MemoryHousehold();
  const devices = new MemoryDevices(household, bus);
  ({ runtime, installer } = await startSkillsWithLanguage({
    devices,
    household,
    db,
    bus,
    dataDir: join(dir, 'data'),
    config: skillsConfigSchema.parse({ trustedPublishers: [{ id: 'trusted', publicKey }] }),
    builtins: [],
  }));
  httpStore = await startSkillStoreServer(new DirectoryStore(join(dir, 'store')));
});

afterAll(async () => {
  for (const api of apis) await api.app.close();
  await httpStore.close();
  await runtime.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('skill store routes', () => {
  it('lists a directory store and an HTTP store alike', async () => {
    for (const url of [join(dir, 'store'), httpStore.url]) {
      const api = await apiWith(url);
      const res = await api.app.inject({ method: 'GET', url: '/api/v1/skills/store', headers: api.auth });
      expect(res.statusCode).toBe(200);
      expect(
        res
          .json()
          .skills.map((s: { id: string }) => s.id)
          .sort(),
      ).toEqual(['lamp-jokes', 'odd-one']);
      expect(res.json().skills.find((s: { id: string }) => s.id === 'lamp-jokes')).toMatchObject({
        publisher: 'trusted',
        permissions: ['storage'],
        version: '0.1.0',
      });
    }
  });

  it('says how to configure a store when there is none: a normal setup, not an error', async () => {
    const api = await apiWith(undefined);
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/skills/store', headers: api.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ url: null, skills: [], hint: expect.stringMatching(/skills\.storeUrl/) });
    const inspect = await api.app.inject({
      method: 'POST',
      url: '/api/v1/skills/store/lamp-jokes/inspect',
      headers: api.auth,
      payload: {},
    });
    expect(inspect.statusCode).toBe(404);
    expect(inspect.json().error.message).toMatch(/skills\.storeUrl/);
  });

  it('inspects with the signature checked, refuses an untrusted publisher and an unknown id', async () => {
    const api = await apiWith(httpStore.url);
    const preview = await api.app.inject({
      method: 'POST',
      url: '/api/v1/skills/store/lamp-jokes/inspect',
      headers: api.auth,
      payload: {},
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      id: 'lamp-jokes',
      publisher: 'trusted',
      permissions: ['storage'],
      collisions: [],
    });
    const stranger = await api.app.inject({
      method: 'POST',
      url: '/api/v1/skills/store/odd-one/inspect',
      headers: api.auth,
      payload: {},
    });
    expect(stranger.json().error.code).toBe('SIGNATURE_INVALID');
    const missing = await api.app.inject({
      method: 'POST',
      url: '/api/v1/skills/store/no-such-skill/install',
      headers: api.auth,
      payload: { approve: true },
    });
    expect(missing.statusCode).toBe(404);
    const badId = await api.app.inject({
      method: 'POST',
      url: '/api/v1/skills/store/..%2Fetc/inspect',
      headers: api.auth,
      payload: {},
    });
    expect(badId.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('installs only with approval, and the skill is then loaded', async () => {
    const api = await apiWith(join(dir, 'store'));
    const refused = await api.app.inject({
      method: 'POST',
      url: '/api/v1/skills/store/lamp-jokes/install',
      headers: api.auth,
      payload: { approve: false },
    });
    expect(refused.statusCode).toBe(403);
    expect(runtime.get('lamp-jokes')).toBeUndefined();
    const installed = await api.app.inject({
      method: 'POST',
      url: '/api/v1/skills/store/lamp-jokes/install',
      headers: api.auth,
      payload: { approve: true, version: '0.1.0' },
    });
    expect(installed.statusCode).toBe(201);
    expect(runtime.get('lamp-jokes')).toMatchObject({ version: '0.1.0', builtin: false });
  });
});
