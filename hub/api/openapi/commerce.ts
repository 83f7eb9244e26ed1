/**
 * Reply shapes of the commerce routes (`routes/commerce.ts` hands them to `routes.add` for openapi.json).
 * The handlers return the commerce service's own objects, so each schema is checked against its type with
 * `satisfies`: a field added to the type and not here fails the type check instead of going undocumented.
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

export const product = z.object({
  sku: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  priceCents: z.number().int(),
  currency: z.string(),
  packSize: z.string(),
  category: z.string(),
  volumeMl: z.number(),
  weightG: z.number(),
  pantryEligible: z.boolean(),
}) satisfies z.ZodType<Product>;
const orderLine = z.object({
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceCents: z.number().int(),
}) satisfies z.ZodType<OrderLine>;
const orderSource = z.enum(['voice', 'api', 'button', 'replenishment', 'pantry']);
export const order = z.object({
  id: z.string(),
  createdAt: z.number().describe('ms since the epoch'),
  userId: z.string(),
  source: orderSource,
  sourceRef: z.string().optional(),
  lines: z.array(orderLine),
  totalCents: z.number().int(),
  currency: z.string(),
  status: z.enum(['pending', 'placed', 'shipped', 'delivered', 'cancelled', 'failed']),
  marketplaceId: z.string().optional(),
  cancelRequested: z.boolean(),
}) satisfies z.ZodType<Order>;
const quote = z.object({
  lines: z.array(orderLine),
  totalCents: z.number().int(),
  currency: z.string(),
  summary: z.string(),
}) satisfies z.ZodType<Quote>;
export const prepared = z.object({
  quote,
  confirmationToken: z.string(),
  expiresAt: z.number(),
  pinRequired: z.boolean(),
}) satisfies z.ZodType<Prepared>;
export const pendingConfirmation = z.object({
  token: z.string(),
  userId: z.string(),
  source: orderSource,
  quote,
  expiresAt: z.number(),
  pinAttempts: z.number().int(),
  pinRequired: z.boolean(),
}) satisfies z.ZodType<PendingConfirmation & { pinRequired: boolean }>;
export const productMatch = z.discriminatedUnion('status', [
  z.object({ status: z.literal('match'), product, score: z.number() }),
  z.object({ status: z.literal('ambiguous'), candidates: z.array(product) }),
  z.object({ status: z.literal('none'), suggestions: z.array(product) }),
]) satisfies z.ZodType<ProductMatch>;
export const outboxRow = z.object({
  seq: z.number().int(),
  orderId: z.string(),
  op: z.enum(['place', 'cancel']),
  idempotencyKey: z.string(),
  state: z.enum(['pending', 'done', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.number(),
  lastError: z.string().optional(),
}) satisfies z.ZodType<OutboxRow>;
export const buttonOutcome = z.object({
  status: z.enum(['created', 'deduplicated', 'refused']),
  order: order.optional(),
  message: z.string(),
}) satisfies z.ZodType<ButtonOutcome>;
export const placeResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('created'), order }),
  z.object({ status: z.literal('deduplicated'), order, reason: z.string() }),
]) satisfies z.ZodType<PlaceResult>;
export const replenishmentOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok') }),
  z.object({ kind: z.literal('still_low') }),
  z.object({ kind: z.literal('notified'), message: z.string() }),
  z.object({ kind: z.literal('ordered'), result: placeResult }),
  z.object({ kind: z.literal('refused'), message: z.string() }),
]) satisfies z.ZodType<ReplenishmentOutcome>;
export const pantryFill = z.object({
  items: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int() })),
  volumeMl: z.number(),
  weightG: z.number(),
  capacityMl: z.number(),
  maxWeightG: z.number(),
}) satisfies z.ZodType<PantryFill>;
export const suggestion = z.object({
  sku: z.string(),
  name: z.string(),
  everyDays: z.number(),
  daysSinceLast: z.number(),
  message: z.string(),
}) satisfies z.ZodType<Suggestion>;
