import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HubError, isHubError } from '../../sdk/errors.js';
import type { CommerceService } from '../../commerce/service.js';
import { actingUser, requireAdult, sessionUser } from '../principal.js';

export const orderRequest = z.strictObject({
  product: z.string().min(1).optional(),
  quantity: z.number().int().min(1).max(20).optional(),
  lines: z.array(z.strictObject({ sku: z.string().min(1), quantity: z.number().int().min(1).max(20) })).min(1).optional(),
  /** Optional for a logged-in user (it is them); the API token names the buyer. */
  userId: z.string().min(1).optional(),
  source: z.enum(['voice', 'api']).optional(),
});
export const confirmBody = z.strictObject({ pin: z.string().min(1).max(16).optional() });
export const pantryAdd = z.strictObject({ sku: z.string().min(1), quantity: z.number().int().min(1).max(20).default(1), userId: z.string().min(1).optional() });
export const levelBody = z.strictObject({ deviceId: z.string().min(1), consumable: z.string().min(1), level: z.number().min(0).max(100) });
export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).optional(), userId: z.string().optional() });
export const outboxQuery = z.object({ state: z.enum(['pending', 'done', 'failed']).optional() });
export const pantrySendBody = z.object({ userId: z.string().min(1).optional() });

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HubError('VALIDATION_FAILED', z.prettifyError(r.error), { issues: r.error.issues });
  return r.data;
}

/**
 * Commerce routes, mounted under `/api/v1` by the API server (`commercePlugin`); described for OpenAPI in
 * `hub/api/openapi/commerce.ts`: a route added here without an entry there fails test/integration/api-openapi.test.ts.
 * Purchases are two-step: POST /commerce/orders/prepare → {quote, confirmationToken}, then
 * POST /commerce/confirmations/:token {pin?} → the order. GET /commerce/confirmations lists the quotes still
 * waiting (voice "Shall I order it?" and dashboard quotes). A logged-in household user buys only as
 * themselves; the purchase policy then applies their role and the live limits.
 */
export async function commerceRoutes(app: FastifyInstance, opts: { commerce: CommerceService }): Promise<void> {
  const c = opts.commerce;
  app.setErrorHandler((err, _req, reply: FastifyReply) => {
    if (isHubError(err)) return reply.code(err.status).send(err.toJSON());
    const e = err as { statusCode?: number; message?: string };
    if (e.statusCode && e.statusCode < 500) return reply.code(e.statusCode).send({ error: { code: 'VALIDATION_FAILED', message: e.message ?? 'bad request' } });
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Internal error in commerce; see the hub log.' } });
  });

  app.get('/commerce/catalog', async () => ({ products: c.catalog() }));
  app.post('/commerce/catalog/sync', async () => ({ products: await c.syncCatalog() }));
  app.get<{ Querystring: { q?: string } }>('/commerce/catalog/resolve', async (req) => c.resolveProduct(parse(z.string().min(1), req.query.q)));

  app.post('/commerce/orders/prepare', async (req) => {
    const { userId, ...request } = parse(orderRequest, req.body);
    const buyer = actingUser(req, userId, 'userId');
    if (!buyer) throw new HubError('VALIDATION_FAILED', 'userId: say who is buying (or log in as a household user).', { issues: [{ path: ['userId'], message: 'required' }] });
    return c.prepareOrder({ ...request, userId: buyer });
  });
  /** A logged-in user sees and answers only their own quotes; the API token sees all. */
  const ownQuote = (req: FastifyRequest, token: string) => {
    const user = sessionUser(req);
    const buyer = c.confirmationBuyer(token);
    if (user && buyer !== undefined && buyer !== user.id)
      throw new HubError('FORBIDDEN', `This quote is for ${buyer}; only they (or the API token) can answer it.`);
  };
  app.get('/commerce/confirmations', async (req) => {
    const user = sessionUser(req);
    const pending = c.pendingConfirmations().filter((p) => !user || p.userId === user.id);
    return { confirmations: pending.map((p) => ({ ...p, pinRequired: c.policy.pinRequired })) };
  });
  app.post<{ Params: { token: string } }>('/commerce/confirmations/:token', async (req, reply) => {
    ownQuote(req, req.params.token);
    const body = parse(confirmBody, req.body ?? {});
    return reply.code(201).send(await c.confirmOrder(req.params.token, body.pin === undefined ? {} : { pin: body.pin }));
  });
  app.delete<{ Params: { token: string } }>('/commerce/confirmations/:token', async (req, reply) => {
    ownQuote(req, req.params.token);
    c.declineOrder(req.params.token);
    return reply.code(204).send();
  });
  app.get('/commerce/orders', async (req) => {
    const q = parse(listQuery, req.query);
    return { orders: c.orders({ ...(q.limit ? { limit: q.limit } : {}), ...(q.userId ? { userId: q.userId } : {}) }) };
  });
  app.get<{ Params: { id: string } }>('/commerce/orders/:id', async (req) => {
    const order = c.order(req.params.id);
    if (!order) throw new HubError('NOT_FOUND', `No order "${req.params.id}".`);
    return order;
  });
  app.post<{ Params: { id: string } }>('/commerce/orders/:id/cancel', async (req) => c.cancelOrder(req.params.id));
  app.get('/commerce/outbox', async (req) => ({ rows: c.outbox(parse(outboxQuery, req.query).state) }));
  app.post('/commerce/sync', async () => c.syncNow());

  // A button buys as the adult it was set up for, so pressing it from the dashboard takes an adult.
  app.post<{ Params: { id: string } }>('/commerce/buttons/:id/press', async (req) => {
    requireAdult(req, 'press order buttons');
    return c.pressButton(req.params.id, 'api');
  });
  app.post('/commerce/consumables', async (req) => {
    requireAdult(req, 'report consumable levels');
    const b = parse(levelBody, req.body);
    return { outcomes: c.reportConsumable(b.deviceId, b.consumable, b.level) };
  });
  app.get('/commerce/pantry-box', async () => c.pantryContents());
  app.post('/commerce/pantry-box/items', async (req) => {
    const b = parse(pantryAdd, req.body);
    return c.addToPantry(b.sku, b.quantity, actingUser(req, b.userId, 'userId'));
  });
  app.post('/commerce/pantry-box/send', async (req) => c.sendPantryBox(actingUser(req, parse(pantrySendBody, req.body ?? {}).userId, 'userId')));
  app.get('/commerce/suggestions', async () => ({ suggestions: c.suggestions() }));
}
