/**
 * The outside probe of the HTTP API, kept: a real hub on a real port, every route of its OpenAPI document asked
 * in every spelling a router may decode back to it (percent-encoding, absolute-form, `..`, double encoding),
 * without a token, with a child's session, from another site's page, and over the events WebSocket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { rawRequest, spellings } from './raw-http.js';

interface Operation {
  method: string;
  path: string;
  public: boolean;
  adultOnly: boolean;
}

const users = [
  { id: 'ada', name: 'Ada', role: 'adult' as const },
  { id: 'kim', name: 'Kim', role: 'child' as const },
];
let hub: TestHub;
let base: string;
let operations: Operation[];
let childToken: string;

async function login(user: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  hub = await startTestHub({ config: { commerce: { users, defaultUser: 'ada' } } });
  base = hub.runtime.http.url;
  const doc = (await hub.api('GET', '/openapi.json')).body as {
    paths: Record<string, Record<string, { security?: unknown[]; 'x-adult-only'?: boolean }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{[^}]+\}/g, 'probe'),
      public: Array.isArray(op.security) && op.security.length === 0,
      adultOnly: op['x-adult-only'] === true,
    })),
  );
  expect((await hub.api('PUT', '/users/kim/password', { password: 'crayons-and-glue' })).status).toBe(204);
  childToken = await login('kim', 'crayons-and-glue');
});

afterAll(async () => {
  await hub?.stop();
});

describe('HTTP API: authentication is decided on the matched route', () => {
  it('the probe is real: with the token, the encoded and absolute-form spellings reach the route', async () => {
    // Without this, a 401 below could mean "no route matched" rather than "refused".
    const auth = { Authorization: `Bearer ${hub.token}` };
    for (const target of [
      '/%61pi/v1/status',
      '/a%70i/v1/status',
      'http://127.0.0.1/api/v1/status',
      'http://evil.example/%61pi/v1/status',
      '/api/v1/%73tatus',
    ]) {
      const reply = await rawRequest(base, 'GET', target, auth);
      expect(reply.status, target).toBe(200);
      expect(JSON.parse(reply.body).components, target).toBeDefined();
    }
  });

  it('answers 401 to every non-public route in every spelling without a token', async () => {
    const closed = operations.filter((op) => !op.public);
    expect(closed.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    for (const op of closed) {
      for (const target of spellings(op.path)) {
        const reply = await rawRequest(base, op.method, target);
        if (reply.status !== 401) leaks.push(`${op.method} ${target} -> ${reply.status}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('answers 401 to a wrong token and to HEAD, whatever the spelling', async () => {
    const leaks: string[] = [];
    for (const target of spellings('/api/v1/credentials')) {
      for (const [method, headers] of [
        ['GET', { Authorization: 'Bearer not-the-token' }],
        ['HEAD', {}],
      ] as const) {
        const reply = await rawRequest(base, method, target, headers);
        if (reply.status !== 401) leaks.push(`${method} ${target} -> ${reply.status}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('mints no MQTT password and sends no command through an encoded path', async () => {
    expect((await hub.api('POST', '/devices', { id: 'front-door', name: 'Front door', type: 'lock' })).status).toBe(
      201,
    );
    const mint = await rawRequest(
      base,
      'POST',
      '/%61pi/v1/devices/front-door/credentials',
      { 'Content-Type': 'application/json' },
      '{}',
    );
    expect(mint.status).toBe(401);
    const command = await rawRequest(
      base,
      'POST',
      '/a%70i/v1/devices/front-door/commands',
      { 'Content-Type': 'application/json' },
      '{"command":"unlock"}',
    );
    expect(command.status).toBe(401);
    expect((await hub.api('GET', '/credentials')).body).toEqual([]);
  });

  it("refuses a child's session on every adult-only route in every spelling", async () => {
    const adultOnly = operations.filter((op) => op.adultOnly);
    expect(adultOnly.map((op) => `${op.method} ${op.path}`)).toEqual(
      expect.arrayContaining(['POST /api/v1/devices', 'POST /api/v1/devices/probe/credentials']),
    );
    const leaks: string[] = [];
    let refused = 0;
    for (const op of adultOnly) {
      for (const target of spellings(op.path)) {
        const reply = await rawRequest(
          base,
          op.method,
          target,
          { Authorization: `Bearer ${childToken}`, 'Content-Type': 'application/json' },
          '{"id":"kims-lamp","name":"Lamp","type":"light"}',
        );
        // 404: the spelling matched no route, so nothing ran; anything else must be the child refusal.
        if (reply.status === 404) continue;
        if (reply.status !== 403) leaks.push(`${op.method} ${target} -> ${reply.status}`);
        else expect(JSON.parse(reply.body).error.message).toMatch(/Kim is logged in as a child; .* changes the home/);
        refused++;
      }
    }
    expect(leaks).toEqual([]);
    // The spellings that reach a route (plain, %61pi, a%70i, %76, encoded last level, absolute-form x2, ?, #) all refused.
    expect(refused).toBeGreaterThanOrEqual(adultOnly.length * 9);
    expect((await hub.api('GET', '/devices/kims-lamp')).status).toBe(404);
    // The same session is good for what a child may do.
    expect((await rawRequest(base, 'GET', '/%61pi/v1/devices', { Authorization: `Bearer ${childToken}` })).status).toBe(
      200,
    );
  });

  it('keeps the public routes public: health, login and the dashboard pages', async () => {
    expect((await rawRequest(base, 'GET', '/api/v1/health')).status).toBe(200);
    expect((await rawRequest(base, 'GET', '/')).status).toBe(200);
    expect((await rawRequest(base, 'GET', '/main.js')).status).toBe(200);
    const wrongLogin = await rawRequest(
      base,
      'POST',
      '/api/v1/session',
      { 'Content-Type': 'application/json' },
      '{"user":"kim","password":"not-her-password"}',
    );
    expect(wrongLogin.status).toBe(401);
  });
});

describe('HTTP API: header tricks', () => {
  it('ignores rewrite and override headers that some proxies honour', async () => {
    const tricks: Record<string, string>[] = [
      { 'X-Original-URL': '/api/v1/health' },
      { 'X-Rewrite-URL': '/api/v1/health' },
      { 'X-Forwarded-Prefix': '/api/v1/health' },
      { 'X-HTTP-Method-Override': 'GET' },
      { 'X-Forwarded-For': '127.0.0.1', 'X-Real-IP': '127.0.0.1' },
      { Authorization: `Bearer ${hub.token}x` },
      { Authorization: `Bearer ${hub.token.slice(0, -1)}` },
      { Authorization: `bearer  ${hub.token} extra` },
      { Authorization: `Basic ${Buffer.from(`hearth:${hub.token}`).toString('base64')}` },
    ];
    for (const headers of tricks) {
      const reply = await rawRequest(base, 'GET', '/api/v1/credentials', headers);
      expect(reply.status, JSON.stringify(headers)).toBe(401);
    }
  });

  it('uses the first of two Authorization headers, so a valid second one does not help a wrong first', async () => {
    const reply = await rawRequest(base, 'GET', '/api/v1/credentials', { Authorization: 'Bearer wrong' }, '');
    expect(reply.status).toBe(401);
    const twice = await new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(base);
      import('node:net').then(({ connect }) => {
        const socket = connect(Number(port), hostname);
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.on('error', reject);
        socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1])));
        socket.write(
          `GET /api/v1/credentials HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer wrong\r\nAuthorization: Bearer ${hub.token}\r\nConnection: close\r\n\r\n`,
        );
      }, reject);
    });
    expect(twice).toBe(401);
  });

  it('accepts ?token= only on the WebSocket route, never on a plain route dressed as an upgrade', async () => {
    const reply = await rawRequest(base, 'GET', `/api/v1/credentials?token=${hub.token}`, {
      Upgrade: 'websocket',
      Connection: 'Upgrade',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    });
    expect(reply.status).toBe(401);
    expect((await rawRequest(base, 'GET', `/api/v1/credentials?token=${hub.token}`)).status).toBe(401);
  });
});

describe("HTTP API: requests from another site's page", () => {
  it('refuses a body-less POST carrying another Origin or Sec-Fetch-Site, even with the token', async () => {
    const fromElsewhere: Record<string, string>[] = [
      { Origin: 'http://evil.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const headers of fromElsewhere) {
      const reply = await rawRequest(base, 'POST', '/api/v1/commerce/sync', {
        ...headers,
        Authorization: `Bearer ${hub.token}`,
      });
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(reply.body).error.message).toMatch(/another site/);
      const encoded = await rawRequest(base, 'POST', '/%61pi/v1/commerce/sync', headers);
      expect(encoded.status, JSON.stringify(headers)).toBe(403);
    }
    const login = await rawRequest(
      base,
      'POST',
      '/api/v1/session',
      { Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      '{"user":"kim","password":"crayons-and-glue"}',
    );
    expect(login.status).toBe(403);
  });

  it("refuses every route that changes something, body-less, from another site's page, in the plain and encoded spelling", async () => {
    const changing = operations.filter((op) => op.method !== 'GET' && op.method !== 'HEAD');
    expect(changing.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const op of changing) {
      for (const target of [op.path, `/%61pi/${op.path.slice('/api/'.length)}`, `http://evil.example${op.path}`]) {
        for (const headers of [{ Origin: 'http://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }] as Record<
          string,
          string
        >[]) {
          const reply = await rawRequest(base, op.method, target, { ...headers, Authorization: `Bearer ${hub.token}` });
          if (reply.status !== 403 || !/another site/.test(reply.body))
            leaks.push(`${op.method} ${target} ${JSON.stringify(headers)} -> ${reply.status}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it("still serves the dashboard's own same-origin calls", async () => {
    const { host } = new URL(base);
    const reply = await rawRequest(base, 'POST', '/api/v1/commerce/sync', {
      Origin: base,
      'Sec-Fetch-Site': 'same-origin',
      Authorization: `Bearer ${hub.token}`,
    });
    // No marketplace is configured, so the sync itself answers 503: what matters is that it ran.
    expect(reply.status, `Origin ${base} on Host ${host}`).not.toBe(403);
    expect(JSON.parse(reply.body).error.code).toBe('DEVICE_UNAVAILABLE');
  });
});

describe('HTTP API: the events WebSocket', () => {
  function openSocket(
    path: string,
    headers: Record<string, string> = {},
  ): Promise<{ opened: true; ws: WebSocket } | { opened: false; status: number }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}${path}`, { headers });
      ws.once('open', () => resolve({ opened: true, ws }));
      ws.once('unexpected-response', (req, res) => {
        req.destroy();
        resolve({ opened: false, status: res.statusCode ?? 0 });
      });
      ws.once('error', reject);
    });
  }

  it('refuses the upgrade without a token in every spelling', async () => {
    for (const path of [
      '/api/v1/events',
      '/%61pi/v1/events',
      '/a%70i/v1/events',
      '/api/v1/%65vents',
      '/x/../api/v1/events',
    ]) {
      const result = await openSocket(path);
      expect(result, path).toEqual({ opened: false, status: 401 });
    }
  });

  it('answers every spelling of an upgrade without a token with 401, absolute-form targets included, never 101', async () => {
    const upgrade = {
      Upgrade: 'websocket',
      Connection: 'Upgrade',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    };
    const leaks: string[] = [];
    for (const target of [
      ...spellings('/api/v1/events'),
      'http://127.0.0.1/%61pi/v1/events',
      'http://evil.example/api/v1/events?token=wrong',
    ]) {
      // A 101 keeps the socket open, so rawRequest fails on it: that counts as a leak too.
      const status = await rawRequest(base, 'GET', target, upgrade).then(
        (r) => r.status,
        (err: Error) => err.message,
      );
      if (status !== 401) leaks.push(`${target} -> ${status}`);
    }
    expect(leaks).toEqual([]);
  });

  it("refuses a cross-site page that holds the token, and opens for the hub's own page", async () => {
    expect(await openSocket(`/api/v1/events?token=${hub.token}`, { Origin: 'http://evil.example' })).toEqual({
      opened: false,
      status: 403,
    });
    const own = await openSocket(`/%61pi/v1/events?token=${hub.token}`, { Origin: base });
    expect(own.opened).toBe(true);
    if (own.opened) own.ws.close();
  });
});
