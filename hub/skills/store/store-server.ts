/**
 * The skill store over HTTP: a fastify plugin over a DirectoryStore, mountable by the marketplace simulator,
 * plus a standalone server for tests and for `hearth skill store serve`.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HubError, isHubError } from '../../sdk/errors.js';
import type { DirectoryStore } from './directory-store.js';

const idParams = z.object({ id: z.string().min(1).max(64) });
const versionParams = idParams.extend({ version: z.string().min(1).max(64) });
const publishBody = z.strictObject({ package: z.string().min(1), signature: z.unknown() });

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HubError('VALIDATION_FAILED', z.prettifyError(r.error));
  return r.data;
}

export async function skillStorePlugin(app: FastifyInstance, opts: { store: DirectoryStore }): Promise<void> {
  const { store } = opts;
  app.setErrorHandler((err, _req, reply) => {
    const error = isHubError(err) ? err : new HubError('INTERNAL', (err as Error).message);
    void reply.status(error.status).send(error.toJSON());
  });
  app.get('/skills', async () => store.list());
  app.get('/skills/:id', async (req) => {
    const { id } = parse(idParams, req.params);
    const listing = store.describe(id);
    if (!listing) throw new HubError('NOT_FOUND', `the store has no skill "${id}"`);
    return listing;
  });
  app.get('/skills/:id/:version/package', async (req, reply) => {
    const { id, version } = parse(versionParams, req.params);
    return reply.type('application/gzip').send(store.get(id, version === 'latest' ? undefined : version).archive);
  });
  app.get('/skills/:id/:version/signature', async (req) => {
    const { id, version } = parse(versionParams, req.params);
    return store.get(id, version === 'latest' ? undefined : version).signature;
  });
  app.post('/skills', { bodyLimit: 30 * 1024 * 1024 }, async (req, reply) => {
    const body = parse(publishBody, req.body);
    return reply.status(201).send(store.publish(Buffer.from(body.package, 'base64'), body.signature));
  });
}

export async function startSkillStoreServer(
  store: DirectoryStore,
  options: { host?: string; port?: number } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify({ logger: false, bodyLimit: 30 * 1024 * 1024 });
  await app.register(skillStorePlugin, { store });
  const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  return { url: address, close: () => app.close() };
}
