import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveApiToken, tokensEqual } from '../../hub/api/auth.js';
import { buildTestApi, type TestApi } from '../../hub/api/testing/test-api.js';
import { makeTempDir } from '../harness/temp-dir.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.app.close();
  api = undefined;
});

describe('API auth and error shape', () => {
  it('serves /health without a token, 503 until ready', async () => {
    api = await buildTestApi();
    api.health.ready = false;
    const before = await api.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(before.statusCode).toBe(503);
    expect(before.json().status).toBe('starting');
    api.health.ready = true;
    const after = await api.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({
      status: 'ok',
      version: '0.0.0-test',
      mqtt: { port: 1883, url: 'mqtt://127.0.0.1:1883' },
    });
  });

  it('answers 401 in the error shape with no token, a wrong token or a malformed header', async () => {
    api = await buildTestApi();
    for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: `Basic ${api.token}` }]) {
      const res = await api.app.inject({ method: 'GET', url: '/api/v1/devices', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.stringContaining('token') } });
    }
    const ok = await api.app.inject({ method: 'GET', url: '/api/v1/devices', headers: api.auth });
    expect(ok.statusCode).toBe(200);
  });

  it('does not accept ?token= on plain HTTP requests', async () => {
    api = await buildTestApi();
    const res = await api.app.inject({ method: 'GET', url: `/api/v1/devices?token=${api.token}` });
    expect(res.statusCode).toBe(401);
  });

  it('answers unknown routes with NOT_FOUND in the same shape', async () => {
    api = await buildTestApi();
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: api.auth });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('lists every invalid path in VALIDATION_FAILED details', async () => {
    api = await buildTestApi();
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/devices',
      headers: api.auth,
      payload: { id: 'Bad Id', type: 'lamp', colour: 'red' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const paths = (body.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'name', 'type', 'colour']));
    expect(body.error.message).toContain('type: must be one of light');
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    api = await buildTestApi();
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/floors',
      headers: { ...api.auth, 'content-type': 'application/json' },
      payload: '{"id": "ground",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('hides unexpected errors behind a generic 500', async () => {
    api = await buildTestApi();
    api.devices.list = () => {
      throw new Error('SQLITE_CORRUPT: secret internal path /var/lib/x');
    };
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/devices', headers: api.auth });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.body).not.toContain('SQLITE');
  });
});

describe('API token', () => {
  it('is generated once into <dataDir>/api-token with mode 0600 and reused', () => {
    const dir = makeTempDir('hearth-token-');
    const first = resolveApiToken(dir, {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'api-token')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'api-token'), 'utf8').trim()).toBe(first);
    expect(resolveApiToken(dir, {})).toBe(first);
  });

  it('comes from HEARTH_API_TOKEN when set', () => {
    const dir = makeTempDir('hearth-token-');
    expect(resolveApiToken(dir, { HEARTH_API_TOKEN: 'from-env' })).toBe('from-env');
  });

  it('compares tokens of any length', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abcd')).toBe(false);
    expect(tokensEqual('', 'abc')).toBe(false);
  });
});
