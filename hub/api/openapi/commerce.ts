/**
 * OpenAPI description of the commerce routes. `routes/commerce.ts` registers them with plain fastify calls,
 * so `commercePlugin` (server.ts) hands these specs to `RouteCatalog.describe`; request shapes are the very zod
 * schemas the handlers parse with. The reply schemas are checked against the commerce types by `satisfies`.
 */
import { z } from 'zod';
import type { PendingConfirmation } from '../../commerce/confirmations.js';
import type { PlaceResult } from '../../commerce/order-desk.js';
import type { PantryFill } from '../../commerce/pantry-box.js';
import type { ProductMatch } from '../../commerce/product-matcher.js';
import type { ReplenishmentOutcome } from '../../commerce/replenishment.js';
import type { ButtonOutcome, Prepared } from '../../commerce/service.js';
import type { Suggestion } from '../../commerce/suggestions.js';
import type { Order, OrderLine, OutboxRow, Product, Quote } from '../../commerce/types.js';
import type { RouteSpec } from '../openapi.js';
import { confirmBody, levelBody, listQuery, orderRequest, outboxQuery, pantryAdd, pantrySendBody } from '../routes/commerce.js';

const product = z.object({
  sku: z.string(), name: z.string(), aliases: z.array(z.string()), priceCents: z.number().int(), currency: z.string(),
  packSize: z.string(), category: z.string(), volumeMl: z.number(), weightG: z.number(), pantryEligible: z.boolean(),
}) satisfies z.ZodType<Product>;
const orderLine = z.object({ sku: z.string(), name: z.string(), quantity: z.number().int(), unitPriceCents: z.number().int() }) satisfies z.ZodType<OrderLine>;
const orderSource = z.enum(['voice', 'api', 'button', 'replenishment', 'pantry']);
const order = z.object({
  id: z.string(), createdAt: z.number().describe('ms since the epoch'), userId: z.string(), source: orderSource, sourceRef: z.string().optional(),
  lines: z.array(orderLine), totalCents: z.number().int(), currency: z.string(),
  status: z.enum(['pending', 'placed', 'shipped', 'delivered', 'cancelled', 'failed']),
  marketplaceId: z.string().optional(), cancelRequested: z.boolean(),
}) satisfies z.ZodType<Order>;
const quote = z.object({ lines: z.array(orderLine), totalCents: z.number().int(), currency: z.string(), summary: z.string() }) satisfies z.ZodType<Quote>;
const prepared = z.object({ quote, confirmationToken: z.string(), expiresAt: z.number(), pinRequired: z.boolean() }) satisfies z.ZodType<Prepared>;
const pendingConfirmation = z.object({
  token: z.string(), userId: z.string(), source: orderSource, quote, expiresAt: z.number(), pinAttempts: z.number().int(), pinRequired: z.boolean(),
}) satisfies z.ZodType<PendingConfirmation & { pinRequired: boolean }>;
const productMatch = z.discriminatedUnion('status', [
  z.object({ status: z.literal('match'), product, score: z.number() }),
  z.object({ status: z.literal('ambiguous'), candidates: z.array(product) }),
  z.object({ status: z.literal('none'), suggestions: z.array(product) }),
]) satisfies z.ZodType<ProductMatch>;
const outboxRow = z.object({
  seq: z.number().int(), orderId: z.string(), op: z.enum(['place', 'cancel']), idempotencyKey: z.string(),
  state: z.enum(['pending', 'done', 'failed']), attempts: z.number().int(), nextAttemptAt: z.number(), lastError: z.string().optional(),
}) satisfies z.ZodType<OutboxRow>;
const buttonOutcome = z.object({ status: z.enum(['created', 'deduplicated', 'refused']), order: order.optional(), message: z.string() }) satisfies z.ZodType<ButtonOutcome>;
const placeResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('created'), order }),
  z.object({ status: z.literal('deduplicated'), order, reason: z.string() }),
]) satisfies z.ZodType<PlaceResult>;
const replenishmentOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok') }),
  z.object({ kind: z.literal('still_low') }),
  z.object({ kind: z.literal('notified'), message: z.string() }),
  z.object({ kind: z.literal('ordered'), result: placeResult }),
  z.object({ kind: z.literal('refused'), message: z.string() }),
]) satisfies z.ZodType<ReplenishmentOutcome>;
const pantryFill = z.object({
  items: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int() })),
  volumeMl: z.number(), weightG: z.number(), capacityMl: z.number(), maxWeightG: z.number(),
}) satisfies z.ZodType<PantryFill>;
const suggestion = z.object({ sku: z.string(), name: z.string(), everyDays: z.number(), daysSinceLast: z.number(), message: z.string() }) satisfies z.ZodType<Suggestion>;

const tokenParams = z.object({ token: z.string() });
const idParams = z.object({ id: z.string() });
const resolveQuery = z.object({ q: z.string().min(1).describe('what someone called the product, e.g. "coffee beans"') });
const tag = 'commerce';

export const commerceRouteDocs: RouteSpec[] = [
  { method: 'GET', url: '/commerce/catalog', tag, summary: 'The product catalog cached from the marketplace', responses: { 200: z.object({ products: z.array(product) }) } },
  { method: 'POST', url: '/commerce/catalog/sync', tag, summary: 'Fetch the catalog from the marketplace now; replies with how many products it has', responses: { 200: z.object({ products: z.number().int() }) }, errors: ['DEVICE_UNAVAILABLE', 'INTERNAL'] },
  { method: 'GET', url: '/commerce/catalog/resolve', tag, summary: 'A spoken product name → the product, the candidates when ambiguous, or suggestions', query: resolveQuery, responses: { 200: productMatch } },
  {
    method: 'POST', url: '/commerce/orders/prepare', tag, body: orderRequest,
    summary: 'Quote an order (product name or SKU lines) and check limits; confirm with POST /commerce/confirmations/{token}. A logged-in user buys only as themselves',
    responses: { 200: prepared }, errors: ['NOT_FOUND', 'CONFLICT', 'PURCHASE_REFUSED', 'FORBIDDEN'],
  },
  { method: 'GET', url: '/commerce/confirmations', tag, summary: 'Quotes waiting for yes (and the PIN when required); a logged-in user sees only their own', responses: { 200: z.object({ confirmations: z.array(pendingConfirmation) }) } },
  {
    method: 'POST', url: '/commerce/confirmations/:token', tag, params: tokenParams, body: confirmBody, bodyOptional: true,
    summary: 'Confirm a quote (with the PIN when required): places the order; a repeated confirmation returns the same order',
    responses: { 201: order }, errors: ['NOT_FOUND', 'CONFLICT', 'PURCHASE_REFUSED', 'FORBIDDEN'],
  },
  { method: 'DELETE', url: '/commerce/confirmations/:token', tag, params: tokenParams, summary: 'Decline a quote', responses: { 204: null }, errors: ['FORBIDDEN'] },
  { method: 'GET', url: '/commerce/orders', tag, query: listQuery, summary: 'Orders, newest first, optionally of one user', responses: { 200: z.object({ orders: z.array(order) }) } },
  { method: 'GET', url: '/commerce/orders/:id', tag, params: idParams, summary: 'One order', responses: { 200: order }, errors: ['NOT_FOUND'] },
  { method: 'POST', url: '/commerce/orders/:id/cancel', tag, params: idParams, summary: 'Ask to cancel an order (sent to the marketplace through the outbox)', responses: { 200: order }, errors: ['NOT_FOUND', 'CONFLICT'] },
  { method: 'GET', url: '/commerce/outbox', tag, query: outboxQuery, summary: 'The outbox of marketplace calls (place, cancel) by state', responses: { 200: z.object({ rows: z.array(outboxRow) }) } },
  { method: 'POST', url: '/commerce/sync', tag, summary: 'Drain the outbox and poll order statuses now', responses: { 200: z.object({ sent: z.number().int(), changed: z.number().int() }) }, errors: ['DEVICE_UNAVAILABLE', 'INTERNAL'] },
  { method: 'POST', url: '/commerce/buttons/:id/press', tag, params: idParams, summary: 'Press a reorder button (API token or an adult): orders as the button\'s user; a refusal is a 200 with status "refused"', responses: { 200: buttonOutcome }, errors: ['NOT_FOUND', 'FORBIDDEN'] },
  { method: 'POST', url: '/commerce/consumables', tag, body: levelBody, summary: 'A device reports a consumable level (API token or an adult); replenishment rules may order', responses: { 200: z.object({ outcomes: z.array(replenishmentOutcome) }) }, errors: ['FORBIDDEN'] },
  { method: 'GET', url: '/commerce/pantry-box', tag, summary: 'What is in the pantry box and how full it is', responses: { 200: pantryFill } },
  {
    method: 'POST', url: '/commerce/pantry-box/items', tag, body: pantryAdd,
    summary: 'Add an item to the pantry box; a box that would overflow is sent first (`sent`)',
    responses: { 200: z.object({ sent: placeResult.optional(), fill: pantryFill }) }, errors: ['NOT_FOUND', 'PURCHASE_REFUSED', 'FORBIDDEN'],
  },
  { method: 'POST', url: '/commerce/pantry-box/send', tag, body: pantrySendBody, bodyOptional: true, summary: 'Send the pantry box as one order', responses: { 200: order }, errors: ['CONFLICT', 'PURCHASE_REFUSED', 'FORBIDDEN'] },
  { method: 'GET', url: '/commerce/suggestions', tag, summary: 'Reorder suggestions from the order history', responses: { 200: z.object({ suggestions: z.array(suggestion) }) } },
];
