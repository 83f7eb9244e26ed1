import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../core/logger.js';
import { HubError } from '../sdk/errors.js';
import { installErrorHandling } from './errors.js';
import { RouteCatalog } from './openapi.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** One route declared to reply 200 `{count: number}` or 204, whose handler replies whatever the test asks. */
async function serve(checkReplies: boolean, reply: { status: number; body?: unknown; error?: HubError }) {
  app = Fastify({ logger: false });
  installErrorHandling(app, silentLogger);
  new RouteCatalog({ checkReplies }).add(
    app,
    {
      method: 'GET',
      url: '/count',
      summary: 'test route',
      tag: 'test',
      responses: { 200: z.object({ count: z.number(), at: z.string().optional() }), 204: null },
    },
    async (_request, res) => {
      if (reply.error) throw reply.error;
      return res.status(reply.status).send(reply.body);
    },
  );
  return app.inject({ method: 'GET', url: '/count' });
}

describe('replies checked against their declared schema', () => {
  it('lets through replies that match, as the client receives them', async () => {
    const res = await serve(true, { status: 200, body: { count: 2, at: new Date(0) } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ count: 2, at: '1970-01-01T00:00:00.000Z' });
    expect((await serve(true, { status: 204 })).statusCode).toBe(204);
    const error = await serve(true, { status: 0, error: new HubError('NOT_FOUND', 'nothing to count') });
    expect(error.statusCode).toBe(404);
    expect(error.json().error.code).toBe('NOT_FOUND');
  });

  it('refuses a reply that drifted from its declaration, naming the field', async () => {
    const res = await serve(true, { status: 200, body: { count: '2' } });
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toEqual({
      code: 'INTERNAL',
      message:
        'The reply of GET /count (200) does not match the route\'s declared schema: count: must be number (got "2")',
    });
  });

  it('refuses a success status the route does not declare', async () => {
    const res = await serve(true, { status: 201, body: { count: 2 } });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).toMatch(
      /\(201\) does not match .*status 201 is not declared \(declared: 200, 204\)/,
    );
  });

  it('checks nothing when turned off (the default outside tests)', async () => {
    const res = await serve(false, { status: 200, body: { count: '2' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ count: '2' });
  });
});
