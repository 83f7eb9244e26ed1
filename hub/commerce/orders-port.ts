/**
 * The adapter from the skills' orders port to CommerceService. Skills never see SKU rules, the policy or
 * the outbox: they get quotes, confirmations and refusals with a reason. The buyer is the person whose
 * utterance is being handled (the caller's `user`), or `commerce.defaultUser` when nobody said who they are.
 * It implements the SDK's `OrdersPort` (hub/sdk/orders-port.ts), which the skills runtime consumes.
 */
import type { Logger } from '../core/logger.js';
import { HubError, isHubError } from '../sdk/errors.js';
import type { OrderCaller, OrdersPort } from '../sdk/orders-port.js';
import type {
  OrderConfirmation,
  OrderInput,
  OrderPreparation,
  OrderRefusal,
  ProductRef,
  SkillOrder,
} from '../sdk/skill.js';
import { personAsking } from './identity.js';
import type { CommerceService } from './service.js';
import type { Order, Product } from './types.js';

const LIST_LIMIT = 20;

export function toSkillOrder(order: Order): SkillOrder {
  return {
    id: order.id,
    status: order.status,
    items: order.lines.map((l) => ({ productId: l.sku, quantity: l.quantity, title: l.name })),
    createdAt: new Date(order.createdAt).toISOString(),
    totalCents: order.totalCents,
    currency: order.currency,
    cancelRequested: order.cancelRequested,
  };
}

const ref = (p: Product): ProductRef => ({ productId: p.sku, title: p.name });

function refusal(err: unknown): OrderRefusal | undefined {
  if (!isHubError(err) || err.code !== 'PURCHASE_REFUSED') return undefined;
  const reason = (err.details as { reason?: unknown } | undefined)?.reason;
  return { status: 'refused', reason: typeof reason === 'string' ? reason : 'refused', message: err.message };
}

export function createOrdersPort(commerce: CommerceService, log?: Logger): OrdersPort {
  const buyer = (caller: { user?: string }): string => {
    const user = personAsking(caller.user, commerce.defaultUser);
    if (!user)
      throw new HubError(
        'PURCHASE_REFUSED',
        'I do not know who is asking, so I cannot buy anything; say who you are (the API "user" field) or set commerce.defaultUser.',
        { reason: 'no_user' },
      );
    return user;
  };

  const linesFor = (input: OrderInput): { sku: string; quantity: number }[] | OrderPreparation => {
    if (input.items?.length) return input.items.map((i) => ({ sku: i.productId, quantity: i.quantity }));
    const quantity = input.quantity ?? 1;
    if (input.productId) return [{ sku: input.productId, quantity }];
    if (!input.query?.trim())
      throw new HubError('VALIDATION_FAILED', 'Say what to order: give productId, query or items.');
    const match = commerce.resolveProduct(input.query);
    if (match.status === 'ambiguous') return { status: 'ambiguous', candidates: match.candidates.map(ref) };
    if (match.status === 'none') return { status: 'not_found', suggestions: match.suggestions.map(ref) };
    return [{ sku: match.product.sku, quantity }];
  };

  const prepare = async (caller: OrderCaller, input: OrderInput): Promise<OrderPreparation> => {
    try {
      const lines = linesFor(input);
      if (!Array.isArray(lines)) return lines;
      const prepared = commerce.prepareOrder({ lines, userId: buyer(caller), source: 'voice' });
      const { quote } = prepared;
      return {
        status: 'quoted',
        quote: {
          token: prepared.confirmationToken,
          items: quote.lines.map((l) => {
            const packSize = commerce.catalogStore.get(l.sku)?.packSize;
            return {
              productId: l.sku,
              title: l.name,
              quantity: l.quantity,
              unitPriceCents: l.unitPriceCents,
              ...(packSize ? { packSize } : {}),
            };
          }),
          totalCents: quote.totalCents,
          currency: quote.currency,
          pinRequired: prepared.pinRequired,
          expiresAt: prepared.expiresAt,
        },
      };
    } catch (err) {
      const refused = refusal(err);
      if (refused) {
        log?.info(
          { skill: caller.skillId, user: caller.user, reason: refused.reason },
          'order refused before confirmation',
        );
        return refused;
      }
      // An SKU that is not in the catalog (a stale productId) reads to the person like an unknown product.
      if (isHubError(err) && err.code === 'NOT_FOUND') return { status: 'not_found', suggestions: [] };
      throw err;
    }
  };

  const confirm = async (caller: OrderCaller, token: string, options: { pin?: string }): Promise<OrderConfirmation> => {
    try {
      const order = await commerce.confirmOrder(token, options.pin === undefined ? {} : { pin: options.pin });
      log?.info(
        { skill: caller.skillId, user: caller.user, orderId: order.id, totalCents: order.totalCents },
        'order confirmed',
      );
      return { status: 'placed', order: toSkillOrder(order) };
    } catch (err) {
      const refused = refusal(err);
      if (refused) {
        log?.info(
          { skill: caller.skillId, user: caller.user, reason: refused.reason },
          'order refused at confirmation',
        );
        return refused;
      }
      if (isHubError(err) && (err.code === 'CONFLICT' || err.code === 'NOT_FOUND'))
        return { status: 'expired', message: err.message };
      throw err;
    }
  };

  return {
    async create(skillId, input, user) {
      const caller: OrderCaller = user ? { skillId, user } : { skillId };
      const prepared = await prepare(caller, input);
      switch (prepared.status) {
        case 'ambiguous':
          throw new HubError(
            'CONFLICT',
            `"${input.query}" could be ${prepared.candidates.map((c) => c.title).join(' or ')}; name one.`,
            { candidates: prepared.candidates },
          );
        case 'not_found':
          throw new HubError('NOT_FOUND', `No product matches "${input.query ?? input.productId}".`, {
            suggestions: prepared.suggestions,
          });
        case 'refused':
          throw new HubError('PURCHASE_REFUSED', prepared.message, { reason: prepared.reason });
        case 'quoted':
          break;
      }
      if (prepared.quote.pinRequired) {
        commerce.declineOrder(prepared.quote.token);
        throw new HubError(
          'PURCHASE_REFUSED',
          'This hub requires the purchase PIN, so orders need a spoken confirmation: use orders.prepare and orders.confirm.',
          { reason: 'pin_missing' },
        );
      }
      const confirmed = await confirm(caller, prepared.quote.token, {});
      if (confirmed.status === 'placed') return confirmed.order;
      if (confirmed.status === 'refused')
        throw new HubError('PURCHASE_REFUSED', confirmed.message, { reason: confirmed.reason });
      throw new HubError('CONFLICT', confirmed.message);
    },
    async list() {
      return commerce.orders({ limit: LIST_LIMIT }).map(toSkillOrder);
    },
    async get(id) {
      const order = commerce.order(id);
      return order ? toSkillOrder(order) : undefined;
    },
    prepare,
    confirm,
    async decline(_caller, token) {
      commerce.declineOrder(token);
    },
    async cancel(caller, orderId) {
      const order = commerce.cancelOrder(orderId);
      log?.info({ skill: caller.skillId, user: caller.user, orderId }, 'order cancellation requested');
      return toSkillOrder(order);
    },
    async pantryBox() {
      return {
        items: commerce.pantryContents().items.map((i) => ({ productId: i.sku, title: i.name, quantity: i.quantity })),
      };
    },
    async sendPantryBox(caller) {
      try {
        const order = commerce.sendPantryBox(buyer(caller));
        return { status: 'placed', order: toSkillOrder(order) };
      } catch (err) {
        const refused = refusal(err);
        if (refused) return refused;
        if (isHubError(err) && err.code === 'CONFLICT')
          return { status: 'refused', reason: 'empty', message: err.message };
        throw err;
      }
    },
  };
}
