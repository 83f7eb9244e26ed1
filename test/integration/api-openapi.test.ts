import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTestApi, type TestApi } from '../../hub/api/testing/test-api.js';
import { startTestHub, type TestHub } from '../harness/hub.js';

/** Every route each fastify app registers (method + full url), recorded by an onRoute hook added at creation. */
const servedByApp = vi.hoisted(() => [] as { method: string; url: string }[][]);
vi.mock('fastify', async (importOriginal) => {
  const real = (await importOriginal()) as { default: (...args: unknown[]) => any };
  const withRouteLog = (...args: unknown[]) => {
    const app = real.default(...args);
    const served: { method: string; url: string }[] = [];
    servedByApp.push(served);
    app.addHook('onRoute', (route: { method: string | string[]; url: string }) => {
      for (const method of [route.method].flat()) served.push({ method, url: route.url });
    });
    return app;
  };
  return { ...real, default: Object.assign(withRouteLog, real.default) };
});

/**
 * Routes that need no entry in openapi.json, each with its reason. Keep this list tiny.
 * - HEAD: fastify answers HEAD for every GET route by itself.
 * - anything outside /api/v1: the web dashboard's static files (no data, no token; hub/api/web/README.md).
 */
const notInOpenApi = (r: { method: string; url: string }) => r.method === 'HEAD' || !r.url.startsWith('/api/v1/');

const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

let api: TestApi | undefined;
let hub: TestHub | undefined;
afterEach(async () => {
  await api?.app.close();
  api = undefined;
  await hub?.stop();
  hub = undefined;
});

describe('OpenAPI document', () => {
  it('is served as OpenAPI 3 JSON describing every route with its schemas', async () => {
    api = await buildTestApi();
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: api.auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, Record<string, any>> };
    expect(doc.openapi).toMatch(/^3\./);
    const expected: [string, string][] = [
      ['/api/v1/health', 'get'],
      ['/api/v1/status', 'get'],
      ['/api/v1/floors', 'get'],
      ['/api/v1/floors', 'post'],
      ['/api/v1/floors/{id}', 'patch'],
      ['/api/v1/floors/{id}', 'delete'],
      ['/api/v1/areas', 'post'],
      ['/api/v1/areas/{id}', 'get'],
      ['/api/v1/devices', 'get'],
      ['/api/v1/devices', 'post'],
      ['/api/v1/devices/{id}', 'patch'],
      ['/api/v1/devices/{id}/commands', 'post'],
      ['/api/v1/devices/{id}/credentials', 'post'],
      ['/api/v1/devices/{id}/credentials', 'delete'],
      ['/api/v1/credentials', 'get'],
      ['/api/v1/events', 'get'],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();

    const addDevice = doc.paths['/api/v1/devices']!.post;
    const body = addDevice.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['id', 'name', 'type']));
    expect(body.properties.type.enum).toContain('vehicle');
    expect(addDevice.responses['201']).toBeDefined();
    expect(addDevice.responses['401']).toBeDefined();
    const command = doc.paths['/api/v1/devices/{id}/commands']!.post;
    expect(command.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(command.responses['504'].description).toContain('DEVICE_TIMEOUT');
    expect(doc.paths['/api/v1/health']!.get.security).toEqual([]);
  });

  it('describes every route the real hub serves, and nothing it does not serve', async () => {
    servedByApp.length = 0;
    hub = await startTestHub({ config: { voice: { recognizer: 'text' } } });
    const res = await hub.api<{ paths: Record<string, Record<string, unknown>> }>('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const documented = new Set(
      Object.entries(res.body.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );

    const apps = servedByApp.filter((routes) => routes.some((r) => r.url === '/api/v1/openapi.json'));
    expect(apps, 'the hub builds exactly one API app').toHaveLength(1);
    const served = apps[0]!;
    // Sanity: the recorder saw route groups from every wiring place (core, assistant, main.ts, dashboard).
    for (const url of [
      '/api/v1/devices',
      '/api/v1/utterances',
      '/api/v1/commerce/catalog',
      '/api/v1/voice/log',
      '/api/v1/dashboard/settings',
      '/',
    ])
      expect(
        served.map((r) => r.url),
        url,
      ).toContain(url);

    const servedOps = served.filter((r) => !notInOpenApi(r)).map((r) => `${r.method} ${toOpenApiPath(r.url)}`);
    const missing = [...new Set(servedOps)].filter((op) => !documented.has(op)).sort();
    expect(missing, 'routes the hub serves that openapi.json does not describe').toEqual([]);
    const phantom = [...documented].filter((op) => !servedOps.includes(op)).sort();
    expect(phantom, 'operations openapi.json describes that the hub does not serve').toEqual([]);
  });

  it('describes the commerce routes from the schemas their handlers parse with', async () => {
    hub = await startTestHub({ config: { voice: { recognizer: 'text' } } });
    const paths = (await hub.api<{ paths: Record<string, Record<string, any>> }>('GET', '/openapi.json')).body.paths;
    const prepare = paths['/api/v1/commerce/orders/prepare']!.post;
    const body = prepare.requestBody.content['application/json'].schema;
    expect(body.properties.quantity).toMatchObject({ type: 'integer', minimum: 1, maximum: 20 });
    expect(body.additionalProperties).toBe(false);
    expect(prepare.responses['200'].content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['quote', 'confirmationToken']),
    );
    expect(prepare.responses['403'].description).toContain('PURCHASE_REFUSED');
    expect(prepare.responses['401'].description).toContain('UNAUTHORIZED');
    expect(prepare.security).toBeUndefined(); // the document-wide bearer token applies

    const confirm = paths['/api/v1/commerce/confirmations/{token}']!;
    expect(confirm.post.requestBody.required).toBe(false);
    expect(confirm.post.responses['201']).toBeDefined();
    expect(confirm.delete.responses['204']).toBeDefined();
    expect(paths['/api/v1/commerce/outbox']!.get.parameters).toEqual([
      expect.objectContaining({
        name: 'state',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ enum: ['pending', 'done', 'failed'] }),
      }),
    ]);
    expect(paths['/api/v1/commerce/buttons/{id}/press']!.post.responses['403']).toBeDefined();
  });
});
