import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { installAuth } from './auth.js';
import { installErrorHandling } from './errors.js';
import { HubError } from '../sdk/errors.js';
import { API_PREFIX, RouteCatalog } from './openapi.js';
import { credentialRoutes } from './routes/credentials.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { deviceRoutes } from './routes/devices.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { householdRoutes } from './routes/household.js';
import { sessionRoutes } from './routes/sessions.js';
import type { ApiDeps, ApiPlugin } from './types.js';

/** Route groups of this module; other modules pass theirs in `deps.plugins`. */
const CORE_PLUGINS: ApiPlugin[] = [
  healthRoutes,
  householdRoutes,
  deviceRoutes,
  credentialRoutes,
  eventRoutes,
  sessionRoutes,
];

/**
 * Routes are registered by `RouteCatalog.add`, which gives each its zod schemas and the zod validator compiler
 * (validate.ts); replies are plain JSON. So fastify's own compilers (ajv, fast-json-stringify: ~110 modules,
 * ~1.5 MB of heap for the hub's life) are never built: asking for one is a mistake, and says so.
 */
const noFastifyCompilers = () => () => {
  throw new HubError(
    'INTERNAL',
    'fastify compilers are not used: register routes with routes.add (zod schemas, zod validator), no response schemas',
  );
};

/** Builds the fastify app (no listening: the caller does `listen`, tests use `inject`). */
export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
    schemaController: { compilersFactory: { buildValidator: noFastifyCompilers, buildSerializer: noFastifyCompilers } },
  });
  const routes = new RouteCatalog({ checkReplies: deps.checkReplies === true });
  installErrorHandling(app, deps.log);
  // The websocket plugin must come first: its onRequest hook marks upgrade requests so a refused upgrade closes its socket.
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  installAuth(app, deps.token, deps.sessions);
  for (const plugin of [...CORE_PLUGINS, ...(deps.plugins ?? [])]) {
    await app.register(plugin, { prefix: API_PREFIX, deps, routes });
  }
  routes.add(
    app,
    {
      method: 'GET',
      url: `${API_PREFIX}/openapi.json`,
      tag: 'meta',
      summary: 'This OpenAPI 3.1 document: every route of the API',
      responses: { 200: z.record(z.string(), z.unknown()) },
    },
    async () => routes.document({ version: deps.version }),
  );
  // The web dashboard's static files, at / (outside /api: the pages hold no data, their API calls carry the token).
  await app.register(dashboardRoutes);
  return app;
}
