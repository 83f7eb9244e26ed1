import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHouseholdApi, type HouseholdApi } from '../testing/household-api.js';

let api: HouseholdApi;
beforeEach(async () => {
  api = await buildHouseholdApi();
});
afterEach(async () => {
  await api.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const login = (user: string, password: string, ip = '127.0.0.1') =>
  api.app.inject({ method: 'POST', url: '/api/v1/session', payload: { user, password }, remoteAddress: ip });
const setPassword = (user: string, password: string, headers = api.auth) =>
  api.app.inject({ method: 'PUT', url: `/api/v1/users/${user}/password`, payload: { password }, headers });

describe('password login', () => {
  it('refuses every API route without a token, but not health or the login itself', async () => {
    for (const url of ['/api/v1/dashboard/settings', '/api/v1/commerce/confirmations', '/api/v1/session']) {
      const res = await api.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
    }
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await login('sam', 'whatever-1')).statusCode).toBe(401);
  });

  it('logs in with a password set by the token holder, and the session token works like the API token until logout', async () => {
    expect((await setPassword('sam', 'correct horse')).statusCode).toBe(204);
    const wrong = await login('sam', 'wrong horse');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toMatch(/Wrong user or password/);

    const res = await login('sam', 'correct horse');
    expect(res.statusCode).toBe(201);
    const session = res.json();
    expect(session).toMatchObject({
      user: { id: 'sam', name: 'Sam', role: 'adult' },
      expiresAt: api.clock.now() + 12 * 3600_000,
    });
    expect(session.token).not.toBe(api.token);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer(session.token) })).json(),
    ).toMatchObject({ kind: 'user', user: { id: 'sam' } });
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/v1/dashboard/settings', headers: bearer(session.token) }))
        .statusCode,
    ).toBe(200);

    expect(
      (await api.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: bearer(session.token) })).statusCode,
    ).toBe(204);
    const after = await api.app.inject({
      method: 'GET',
      url: '/api/v1/dashboard/settings',
      headers: bearer(session.token),
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toMatch(/expired session/);
  });

  it('keeps only a scrypt hash and the SHA-256 of session tokens; never returns either', async () => {
    await setPassword('sam', 'correct horse');
    const { token } = (await login('sam', 'correct horse')).json();
    const stored = api.db.prepare('SELECT hash FROM api_user_passwords WHERE user_id = ?').pluck().get('sam') as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain('correct horse');
    const sessionRows = api.db.prepare('SELECT token_hash FROM api_sessions').pluck().all() as string[];
    expect(sessionRows).toHaveLength(1);
    expect(sessionRows[0]).not.toBe(token);
    const settings = await api.app.inject({ method: 'GET', url: '/api/v1/dashboard/settings', headers: api.auth });
    expect(settings.body).not.toContain('scrypt');
    expect(settings.json().commerce.users).toContainEqual({ id: 'sam', name: 'Sam', role: 'adult', hasPassword: true });
  });

  it('backs off after repeated wrong passwords for a user and from an address, then lets the right one in', async () => {
    await setPassword('sam', 'correct horse');
    await setPassword('jo', 'jo password');
    for (let i = 0; i < 3; i++) expect((await login('sam', `guess-${i}`)).statusCode).toBe(401);
    expect((await login('sam', 'guess-3')).statusCode).toBe(401); // the fourth wrong one starts the wait
    const blocked = await login('sam', 'correct horse', '10.0.0.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/try again in 1 s/),
    });
    expect(blocked.headers['retry-after']).toBe('1');
    // The same address guessing another user is held back too.
    expect((await login('jo', 'jo password')).statusCode).toBe(429);
    api.clock.advance(1000);
    expect((await login('sam', 'correct horse')).statusCode).toBe(201);
    expect((await login('jo', 'jo password')).statusCode).toBe(201);
  });

  it('lets a user set only their own password, with a minimum length named by field', async () => {
    await setPassword('jo', 'jo password');
    const jo = bearer((await login('jo', 'jo password')).json().token);
    const other = await setPassword('sam', 'taken over!', jo);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/only your own password/);
    expect((await setPassword('jo', 'new jo password', jo)).statusCode).toBe(204);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/session', headers: jo })).statusCode).toBe(200); // own session stays
    expect((await login('jo', 'jo password')).statusCode).toBe(401);
    expect((await login('jo', 'new jo password')).statusCode).toBe(201);
    const short = await setPassword('jo', 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/password: .*at least 8/);
    expect((await setPassword('nobody', 'long enough')).statusCode).toBe(404);
  });

  it('ends sessions when they expire and when the user is removed', async () => {
    await setPassword('sam', 'correct horse');
    await setPassword('jo', 'jo password');
    const sam = bearer((await login('sam', 'correct horse')).json().token);
    const jo = bearer((await login('jo', 'jo password')).json().token);
    const removed = await api.app.inject({
      method: 'PATCH',
      url: '/api/v1/dashboard/settings',
      headers: sam,
      payload: { users: [{ id: 'sam', name: 'Sam', role: 'adult' }] },
    });
    expect(removed.statusCode).toBe(200);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/session', headers: jo })).statusCode).toBe(401);
    // Added again under the same id, Jo starts without the old password.
    await api.app.inject({
      method: 'PATCH',
      url: '/api/v1/dashboard/settings',
      headers: sam,
      payload: {
        users: [
          { id: 'sam', name: 'Sam', role: 'adult' },
          { id: 'jo', name: 'Jo', role: 'child' },
        ],
      },
    });
    expect(api.sessions.hasPassword('jo')).toBe(false);
    expect((await login('jo', 'jo password')).statusCode).toBe(401);
    api.clock.advance(12 * 3600_000 + 1);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/session', headers: sam })).statusCode).toBe(401);
  });
});

describe("a child's session", () => {
  it('may look and switch, but not change the home or the hub', async () => {
    await setPassword('jo', 'jo password');
    const jo = bearer((await login('jo', 'jo password')).json().token);
    api.devices.add({ id: 'lamp', name: 'Lamp', type: 'light' });
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/devices', headers: jo })).statusCode).toBe(200);
    for (const [method, url] of [
      ['POST', '/api/v1/devices/lamp/credentials'],
      ['DELETE', '/api/v1/devices/lamp'],
      ['POST', '/api/v1/areas'],
    ] as const) {
      const res = await api.app.inject({ method, url, headers: jo, payload: {} });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.message).toMatch(/Jo is logged in as a child/);
    }
    expect(api.devices.get('lamp')).toBeDefined();
    const doc = (await api.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: api.auth })).json();
    expect(doc.paths['/api/v1/devices/{id}'].delete.responses['403'].description).toBe('FORBIDDEN');
  });
});
