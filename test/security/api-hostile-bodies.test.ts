/**
 * The outside probe of the request validators (fastify runs each route's declared zod schemas): every route of the
 * OpenAPI document that takes a body gets hostile bodies with a valid token — prototype pollution, an array, deep
 * nesting, a string, the wrong content type. Each is answered with a 4xx that says what is wrong, never a 5xx; the
 * hub's objects stay unpolluted and the hub keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub.js';

let hub: TestHub;
let routes: { method: string; path: string }[];

const deep = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

const HOSTILE: Array<{ name: string; type: string; body: string }> = [
  { name: '__proto__ key', type: 'application/json', body: '{"__proto__":{"polluted":"yes"},"name":"x"}' },
  {
    name: 'constructor.prototype',
    type: 'application/json',
    body: '{"constructor":{"prototype":{"polluted":"yes"}},"name":"x"}',
  },
  { name: 'an array', type: 'application/json', body: '[{"name":"x"},{"name":"y"}]' },
  { name: '5,000-deep object', type: 'application/json', body: deep(5000) },
  { name: 'a bare string', type: 'application/json', body: '"hello"' },
  { name: 'not JSON', type: 'application/json', body: '{"name": ' },
  { name: 'another content type', type: 'text/plain', body: 'name=x' },
];

beforeAll(async () => {
  hub = await startTestHub();
  const doc = (await hub.api('GET', '/openapi.json')).body as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, op]) => op.requestBody !== undefined)
      .map(([method]) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'probe') })),
  );
}, 60_000);

afterAll(async () => {
  await hub?.stop();
});

describe('HTTP API: hostile bodies meet the validators', () => {
  it('every route that takes a body answers each hostile body with a 4xx, and nothing is polluted', async () => {
    expect(routes.length, 'routes with a request body in openapi.json').toBeGreaterThan(20);
    const wrong: string[] = [];
    const statuses = new Map<number, number>();
    for (const route of routes) {
      for (const hostile of HOSTILE) {
        const res = await fetch(`${hub.runtime.http.url}${route.path}`, {
          method: route.method,
          headers: { authorization: `Bearer ${hub.token}`, 'content-type': hostile.type },
          body: hostile.body,
        });
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (/No route/.test(text)) wrong.push(`${route.method} ${route.path}: the probe missed the route`);
        if (res.status >= 500 || (res.status >= 400 && !/\w/.test(text)))
          wrong.push(`${route.method} ${route.path} ← ${hostile.name}: ${res.status} ${text.slice(0, 120)}`);
      }
    }
    expect(wrong, 'hostile bodies answered with a server error or no reason').toEqual([]);
    // The probe is real: bodies reach the routes (none is "No route …"), and the validators answer most of them.
    expect(statuses.get(404) ?? 0, 'answers that are 404').toBeLessThan(routes.length);
    expect(statuses.get(400) ?? 0, 'answers that are 400').toBeGreaterThan(routes.length * 4);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((await hub.api('GET', '/health')).status).toBe(200);
  }, 120_000);
});
