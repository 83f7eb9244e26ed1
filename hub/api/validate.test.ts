import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../core/logger.js';
import { installErrorHandling } from './errors.js';
import { RouteCatalog } from './openapi.js';

let app: FastifyInstance;
let handled: unknown[];

beforeEach(async () => {
  app = Fastify({ logger: false });
  installErrorHandling(app, silentLogger);
  handled = [];
  const routes = new RouteCatalog();
  routes.add(
    app,
    {
      method: 'POST',
      url: '/rooms/:id/lamps',
      summary: 'test route',
      tag: 'test',
      params: z.object({ id: z.string().max(5) }),
      query: z.strictObject({ limit: z.coerce.number().int().min(1).optional() }),
      body: z.strictObject({ name: z.string().min(1), level: z.number().default(100) }),
      responses: { 200: z.unknown() },
    },
    async (request) => {
      handled.push({ params: request.params, query: request.query, body: request.body });
      return { ok: true };
    },
  );
  routes.add(
    app,
    {
      method: 'POST',
      url: '/stop',
      summary: 'test route with an optional body',
      tag: 'test',
      body: z.strictObject({ area: z.string().optional() }),
      bodyOptional: true,
      responses: { 200: z.unknown() },
    },
    async (request) => {
      handled.push(request.body);
      return { ok: true };
    },
  );
  await app.ready();
});
afterEach(async () => {
  await app.close();
});

const post = (url: string, payload?: unknown) =>
  app.inject({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('routes validated by their zod schemas', () => {
  it('hands the handler parsed values: coerced query, defaults filled in', async () => {
    const res = await post('/rooms/hall/lamps?limit=3', { name: 'desk' });
    expect(res.statusCode).toBe(200);
    expect(handled).toEqual([{ params: { id: 'hall' }, query: { limit: 3 }, body: { name: 'desk', level: 100 } }]);
  });

  it('refuses a bad body naming every field, and the handler never runs', async () => {
    const res = await post('/rooms/hall/lamps', { name: '', colour: 'red' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message:
        'Invalid request body: name: must be at least 1 characters (got ""); colour: unknown key: remove it or check its spelling',
      details: [
        { path: 'name', message: 'must be at least 1 characters (got "")', in: 'body' },
        { path: 'colour', message: 'unknown key: remove it or check its spelling', in: 'body' },
      ],
    });
    expect(handled).toEqual([]);
  });

  it('says a required body is missing', async () => {
    const res = await post('/rooms/hall/lamps');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Invalid request body: (root): is required (object)');
    expect(handled).toEqual([]);
  });

  it('names the params and the query that are wrong', async () => {
    const params = await post('/rooms/far-too-long/lamps', { name: 'desk' });
    expect(params.statusCode).toBe(400);
    expect(params.json().error.message).toBe(
      'Invalid request params: id: must be at most 5 characters (got "far-too-long")',
    );
    const query = await post('/rooms/hall/lamps?limit=0', { name: 'desk' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details).toEqual([
      { path: 'limit', message: 'must be at least 1 (got "0")', in: 'query' },
    ]);
    expect(handled).toEqual([]);
  });

  it('reads a left-out optional body as {}, and still checks one that is sent', async () => {
    expect((await post('/stop')).statusCode).toBe(200);
    expect((await post('/stop', { area: 'hall' })).statusCode).toBe(200);
    const bad = await post('/stop', { room: 'hall' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: 'room', message: 'unknown key: remove it or check its spelling', in: 'body' },
    ]);
    expect(handled).toEqual([{}, { area: 'hall' }]);
  });
});

const run = promisify(execFile);

describe('the API without fastify compilers', () => {
  // ajv and fast-json-stringify's compiler would stay in the hub's heap for its whole life (hub/api/server.ts).
  it('validates requests without loading ajv or fast-json-stringify', async () => {
    const testApi = fileURLToPath(new URL('./testing/test-api.ts', import.meta.url));
    const script = `
      import { createRequire } from 'node:module';
      const { buildTestApi } = await import(${JSON.stringify(testApi)});
      const api = await buildTestApi();
      const bad = await api.app.inject({ method: 'POST', url: '/api/v1/floors', headers: api.auth, payload: { x: 1 } });
      const good = await api.app.inject({ method: 'POST', url: '/api/v1/floors', headers: api.auth, payload: { id: 'up', name: 'Up' } });
      const list = await api.app.inject({ method: 'GET', url: '/api/v1/floors', headers: api.auth });
      await api.app.close();
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ statuses: [bad.statusCode, good.statusCode, list.statusCode], loaded }));
    `;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
    const { statuses, loaded } = JSON.parse(stdout) as { statuses: number[]; loaded: string[] };
    expect(statuses).toEqual([400, 201, 200]);
    expect(loaded.some((file) => file.includes('/node_modules/fastify/'))).toBe(true);
    const compilers = loaded.filter((file) =>
      /\/node_modules\/(ajv|@fastify\/ajv-compiler|@fastify\/fast-json-stringify-compiler)\/|\/fast-json-stringify\/index\.js$/.test(
        file,
      ),
    );
    expect(compilers).toEqual([]);
  });
});
