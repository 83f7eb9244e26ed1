import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HubError } from '../../sdk/errors.js';
import { defineRoutes } from '../route-group.js';
import * as replies from '../openapi/commerce.js';
import { actingUser, requireAdult, sessionUser } from '../principal.js';

const orderRequest = z.strictObject({
  product: z.string().min(1).optional(),
  quantity: z.number().int().min(1).max(20).optional(),
  lines: z
    .array(z.strictObject({ sku: z.string().min(1), quantity: z.number().int().min(1).max(20) }))
    .min(1)
    .optional(),
  /** Optional for a logged-in user (it is them); the API token names the buyer. */
  userId: z.string().min(1).optional(),
  source: z.enum(['voice', 'api']).optional(),
});
const confirmBody = z.strictObject({ pin: z.string().min(1).max(16).optional() });
const pantryAdd = z.strictObject({
  sku: z.string().min(1),
  quantity: z.number().int().min(1).max(20).default(1),
  userId: z.string().min(1).optional(),
});
const levelBody = z.strictObject({
  deviceId: z.string().min(1),
  consumable: z.string().min(1),
  level: z.number().min(0).max(100),
});
const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  userId: z.string().optional(),
});
const outboxQuery = z.object({ state: z.enum(['pending', 'done', 'failed']).optional() });
const pantrySendBody = z.object({ userId: z.string().min(1).optional() });
const resolveQuery = z.object({
  q: z.string().min(1).describe('what someone called the product, e.g. "coffee beans"'),
});
const tokenParams = z.object({ token: z.string() });
const idParams = z.object({ id: z.string() });
const tag = 'commerce';

/**
 * Commerce routes, mounted under `/api/v1` (listed in hub/api/route-groups.ts).
 * Purchases are two-step: POST /commerce/orders/prepare → {quote, confirmationToken}, then
 * POST /commerce/confirmations/:token {pin?} → the order. GET /commerce/confirmations lists the quotes still
 * waiting (voice "Shall I order it?" and dashboard quotes). A logged-in household user buys only as
 * themselves; the purchase policy then applies their role and the live limits.
 * They need only the commerce service, so a process without the whole hub (scripts/crash-test-child.ts) can mount them.
 */
export const commerceRoutes = defineRoutes({
  name: 'commerce',
  needs: ['commerce'],
  plugin: async (app, { deps: { commerce: c }, routes }) => {
    /** A logged-in user sees and answers only their own quotes; the API token sees all. */
    const ownQuote = (request: FastifyRequest, token: string) => {
      const user = sessionUser(request);
      const buyer = c.confirmationBuyer(token);
      if (user && buyer !== undefined && buyer !== user.id)
        throw new HubError('FORBIDDEN', `This quote is for ${buyer}; only they (or the API token) can answer it.`);
    };

    routes.add(
      app,
      {
        method: 'GET',
        url: '/commerce/catalog',
        tag,
        summary: 'The product catalog cached from the marketplace',
        responses: { 200: z.object({ products: z.array(replies.product) }) },
      },
      async () => ({ products: c.catalog() }),
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/commerce/catalog/sync',
        tag,
        summary: 'Fetch the catalog from the marketplace now; replies with how many products it has',
        responses: { 200: z.object({ products: z.number().int() }) },
        errors: ['DEVICE_UNAVAILABLE', 'INTERNAL'],
      },
      async () => ({ products: await c.syncCatalog() }),
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/commerce/catalog/resolve',
        tag,
        summary: 'A spoken product name → the product, the candidates when ambiguous, or suggestions',
        query: resolveQuery,
        responses: { 200: replies.productMatch },
      },
      async (request) => c.resolveProduct(request.query.q),
    );

    routes.add(
      app,
      {
        method: 'POST',
        url: '/commerce/orders/prepare',
        tag,
        body: orderRequest,
        summary:
          'Quote an order (product name or SKU lines) and check limits; confirm with POST /commerce/confirmations/{token}. A logged-in user buys only as themselves',
        responses: { 200: replies.prepared },
        errors: ['NOT_FOUND', 'CONFLICT', 'PURCHASE_REFUSED', 'FORBIDDEN'],
      },
      async (request) => {
        const { userId, ...order } = request.body;
        const buyer = actingUser(request, userId, 'userId');
        if (!buyer)
          throw new HubError('VALIDATION_FAILED', 'userId: say who is buying (or log in as a household user).', {
            issues: [{ path: ['userId'], message: 'required' }],
          });
        return c.prepareOrder({ ...order, userId: buyer });
      },
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/commerce/confirmations',
        tag,
        summary: 'Quotes waiting for yes (and the PIN when required); a logged-in user sees only their own',
        responses: { 200: z.object({ confirmations: z.array(replies.pendingConfirmation) }) },
      },
      async (request) => {
        const user = sessionUser(request);
        const pending = c.pendingConfirmations().filter((p) => !user || p.userId === user.id);
        return { confirmations: pending.map((p) => ({ ...p, pinRequired: c.policy.pinRequired })) };
      },
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/commerce/confirmations/:token',
        tag,
        params: tokenParams,
        body: confirmBody,
        bodyOptional: true,
        summary:
          'Confirm a quote (with the PIN when required): places the order; a repeated confirmation returns the same order',
        responses: { 201: replies.order },
        errors: ['NOT_FOUND', 'CONFLICT', 'PURCHASE_REFUSED', 'FORBIDDEN'],
      },
      async (request, reply) => {
        const { token } = request.params;
        ownQuote(request, token);
        const { pin } = request.body;
        return reply.code(201).send(await c.confirmOrder(token, pin === undefined ? {} : { pin }));
      },
    );
    routes.add(
      app,
      {
        method: 'DELETE',
        url: '/commerce/confirmations/:token',
        tag,
        params: tokenParams,
        summary: 'Decline a quote',
        responses: { 204: null },
        errors: ['FORBIDDEN'],
      },
      async (request, reply) => {
        const { token } = request.params;
        ownQuote(request, token);
        c.declineOrder(token);
        return reply.code(204).send();
      },
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/commerce/orders',
        tag,
        query: listQuery,
        summary: 'Orders, newest first, optionally of one user',
        responses: { 200: z.object({ orders: z.array(replies.order) }) },
      },
      async (request) => {
        const q = request.query;
        return {
          orders: c.orders({ ...(q.limit ? { limit: q.limit } : {}), ...(q.userId ? { userId: q.userId } : {}) }),
        };
      },
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/commerce/orders/:id',
        tag,
        params: idParams,
        summary: 'One order',
        responses: { 200: replies.order },
        errors: ['NOT_FOUND'],
      },
      async (request) => {
        const { id } = request.params;
        const order = c.order(id);
        if (!order) throw new HubError('NOT_FOUND', `No order "${id}".`);
        return order;
      },
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/commerce/orders/:id/cancel',
        tag,
        params: idParams,
        summary: 'Ask to cancel an order (sent to the marketplace through the outbox)',
        responses: { 200: replies.order },
        errors: ['NOT_FOUND', 'CONFLICT'],
      },
      async (request) => c.cancelOrder(request.params.id),
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/commerce/outbox',
        tag,
        query: outboxQuery,
        summary: 'The outbox of marketplace calls (place, cancel) by state',
        responses: { 200: z.object({ rows: z.array(replies.outboxRow) }) },
      },
      async (request) => ({ rows: c.outbox(request.query.state) }),
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/commerce/sync',
        tag,
        summary: 'Drain the outbox and poll order statuses now',
        responses: { 200: z.object({ sent: z.number().int(), changed: z.number().int() }) },
        errors: ['DEVICE_UNAVAILABLE', 'INTERNAL'],
      },
      async () => c.syncNow(),
    );

    // A button buys as the adult it was set up for, so pressing it from the dashboard takes an adult.
    // requireAdult in the handler, not `adultOnly`, keeps the refusal's message about what was refused.
    routes.add(
      app,
      {
        method: 'POST',
        url: '/commerce/buttons/:id/press',
        tag,
        params: idParams,
        summary:
          'Press a reorder button (API token or an adult): orders as the button\'s user; a refusal is a 200 with status "refused"',
        responses: { 200: replies.buttonOutcome },
        errors: ['NOT_FOUND', 'FORBIDDEN'],
      },
      async (request) => {
        requireAdult(request, 'press order buttons');
        return c.pressButton(request.params.id, 'api');
      },
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/commerce/consumables',
        tag,
        body: levelBody,
        summary: 'A device reports a consumable level (API token or an adult); replenishment rules may order',
        responses: { 200: z.object({ outcomes: z.array(replies.replenishmentOutcome) }) },
        errors: ['FORBIDDEN'],
      },
      async (request) => {
        requireAdult(request, 'report consumable levels');
        const b = request.body;
        return { outcomes: c.reportConsumable(b.deviceId, b.consumable, b.level) };
      },
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/commerce/pantry-box',
        tag,
        summary: 'What is in the pantry box and how full it is',
        responses: { 200: replies.pantryFill },
      },
      async () => c.pantryContents(),
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/commerce/pantry-box/items',
        tag,
        body: pantryAdd,
        summary: 'Add an item to the pantry box; a box that would overflow is sent first (`sent`)',
        responses: { 200: z.object({ sent: replies.placeResult.optional(), fill: replies.pantryFill }) },
        errors: ['NOT_FOUND', 'PURCHASE_REFUSED', 'FORBIDDEN'],
      },
      async (request) => {
        const b = request.body;
        return c.addToPantry(b.sku, b.quantity, actingUser(request, b.userId, 'userId'));
      },
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/commerce/pantry-box/send',
        tag,
        body: pantrySendBody,
        bodyOptional: true,
        summary: 'Send the pantry box as one order',
        responses: { 200: replies.order },
        errors: ['CONFLICT', 'PURCHASE_REFUSED', 'FORBIDDEN'],
      },
      async (request) => c.sendPantryBox(actingUser(request, request.body.userId, 'userId')),
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/commerce/suggestions',
        tag,
        summary: 'Reorder suggestions from the order history',
        responses: { 200: z.object({ suggestions: z.array(replies.suggestion) }) },
      },
      async () => ({ suggestions: c.suggestions() }),
    );
  },
});
