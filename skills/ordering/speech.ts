/** How the ordering skill says prices, quotes, orders and their status. */
import type { OrderQuote, ProductRef, SkillOrder } from '../../hub/sdk/index.js';

const CURRENCY_WORDS: Record<string, string> = { EUR: 'euros', USD: 'dollars', GBP: 'pounds', CHF: 'francs' };

export function money(cents: number, currency: string): string {
  return `${(cents / 100).toFixed(2)} ${CURRENCY_WORDS[currency] ?? currency}`;
}

/** "Morning Ridge coffee beans, 1 kg bag, 13.99 euros" / "2 packs of Strong paper towels, 8 rolls each, 13.98 euros in total". */
export function describeQuote(quote: OrderQuote): string {
  const items = quote.items.map((i) => {
    if (i.quantity === 1) return `${i.title}${i.packSize ? `, ${i.packSize}` : ''}`;
    return `${i.quantity} packs of ${i.title}${i.packSize ? `, ${i.packSize} each` : ''}`;
  });
  const single = quote.items.length === 1 && quote.items[0]!.quantity === 1;
  return `${items.join('; ')}, ${money(quote.totalCents, quote.currency)}${single ? '' : ' in total'}`;
}

export function confirmQuestion(quote: OrderQuote): string {
  const single = quote.items.length === 1 && quote.items[0]!.quantity === 1;
  return `${describeQuote(quote)}. Shall I order ${single ? 'it' : 'them'}?`;
}

export function whichOne(candidates: readonly ProductRef[]): string {
  return `Which one: ${orList(candidates.map((c) => c.title))}?`;
}

export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Morning Ridge coffee beans" / "2 × Strong paper towels and Citrus dish soap". */
export function orderContents(order: SkillOrder): string {
  return andList(order.items.map((i) => `${i.quantity > 1 ? `${i.quantity} × ` : ''}${i.title ?? i.productId}`));
}

const STATUS_WORDS: Record<string, string> = {
  pending: 'is waiting to be sent to the shop',
  placed: 'has been placed and has not shipped yet',
  shipped: 'has shipped and is on its way',
  delivered: 'has been delivered',
  cancelled: 'was cancelled',
  failed: 'could not be placed',
};

export function statusPhrase(order: SkillOrder): string {
  if (order.cancelRequested && order.status !== 'cancelled') return 'is being cancelled';
  return STATUS_WORDS[order.status] ?? `is ${order.status}`;
}

export function orderPrice(order: SkillOrder): string {
  return order.totalCents !== undefined && order.currency ? `, ${money(order.totalCents, order.currency)}` : '';
}
