import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { installAuth } from './auth.js';
import { installErrorHandling } from './errors.js';
import { HubError } from '../sdk/errors.js';
import { API_PREFIX, RouteCatalog } from './openapi.js';
import type { RouteGroup } from './route-group.js';
import { ROUTE_GROUPS } from './route-groups.js';
import type { ApiDeps, ModuleServices, RouteDeps } from './types.js';

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

/** Builds the hub's API with every route group (no listening: the caller does `listen`, tests use `inject`). */
export async function buildApi(deps: RouteDeps): Promise<FastifyInstance> {
  return buildApiWith(deps, ROUTE_GROUPS);
}

/** The API with these route groups only (hub/api/testing/test-api.ts); a group not given what it needs throws. */
export async function buildApiWith(
  deps: ApiDeps & Partial<ModuleServices>,
  groups: readonly RouteGroup[],
): Promise<FastifyInstance> {
  const plugins = groups.map((group) => ({ plugin: group.bind(deps), atRoot: group.atRoot }));
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
  for (const { plugin, atRoot } of plugins) {
    await app.register(plugin, atRoot ? { routes } : { prefix: API_PREFIX, routes });
  }
  return app;
}
