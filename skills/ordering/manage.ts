/** After buying: "what did I order last", "where is my order", "cancel my last order", "send my pantry box". */
import {
  isHubError,
  parseYesNo,
  words,
  type SkillContext,
  type SkillOrder,
  type SkillResponse,
} from '../../hub/sdk/index.js';
import type { OrderingState } from './dialog.js';
import { andList, money, orderContents, orderPrice, statusPhrase } from './speech.js';

const OPEN = new Set(['pending', 'placed', 'shipped']);
const CANCELLABLE = new Set(['pending', 'placed']);

function when(order: SkillOrder, now: number): string {
  const at = Date.parse(order.createdAt);
  const days = Math.floor((now - at) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export async function lastOrder(ctx: SkillContext): Promise<SkillResponse> {
  const [last] = await ctx.orders.list();
  if (!last) return { reply: "You haven't ordered anything yet." };
  return {
    reply: `Your last order was ${orderContents(last)}${orderPrice(last)}, ${when(last, ctx.now())}. It ${statusPhrase(last)}.`,
  };
}

export async function orderStatus(ctx: SkillContext): Promise<SkillResponse> {
  const orders = await ctx.orders.list();
  if (!orders.length) return { reply: "You haven't ordered anything yet." };
  const open = orders.filter((o) => OPEN.has(o.status) && !o.cancelRequested).slice(0, 3);
  if (!open.length) {
    const last = orders[0]!;
    return { reply: `Nothing is on its way. Your last order, ${orderContents(last)}, ${statusPhrase(last)}.` };
  }
  const lines = open.map((o) => `your order of ${orderContents(o)} ${statusPhrase(o)}`);
  const reply = andList(lines);
  return { reply: `${reply.charAt(0).toUpperCase()}${reply.slice(1)}.` };
}

/** The newest order that mentions the product, or simply the newest one. */
function findOrder(orders: SkillOrder[], product: string | undefined): SkillOrder | undefined {
  if (!product) return orders[0];
  const said = new Set(words(product).map((w) => w.replace(/s$/, '')));
  return orders.find((o) =>
    o.items.some((i) => words(i.title ?? i.productId).some((w) => said.has(w.replace(/s$/, '')))),
  );
}

export async function startCancel(ctx: SkillContext, product: string | undefined): Promise<SkillResponse> {
  const orders = (await ctx.orders.list()).filter((o) => o.status !== 'cancelled' && !o.cancelRequested);
  const order = findOrder(orders, product);
  if (!order)
    return { reply: product ? `I can't find an order of ${product} to cancel.` : 'There is no order to cancel.' };
  const what = `${orderContents(order)}${orderPrice(order)}`;
  if (!CANCELLABLE.has(order.status))
    return { reply: `Your order of ${orderContents(order)} ${statusPhrase(order)}, so it can no longer be cancelled.` };
  const state: OrderingState = { step: 'cancel', orderId: order.id, what };
  return { reply: `Cancel your order of ${what}?`, followUp: { state, expect: { yesNo: true } } };
}

export async function answerCancel(
  text: string,
  state: Extract<OrderingState, { step: 'cancel' }>,
  ctx: SkillContext,
): Promise<SkillResponse | undefined> {
  const answer = parseYesNo(text, { cancelMeansYes: true });
  if (answer === 'no') return { reply: 'Okay, the order stays.' };
  if (answer !== 'yes') return undefined;
  try {
    await ctx.orders.cancel(state.orderId);
    return { reply: `Okay, I've asked the shop to cancel your order of ${state.what}.` };
  } catch (err) {
    if (isHubError(err) && (err.code === 'CONFLICT' || err.code === 'NOT_FOUND'))
      return { reply: `I couldn't cancel it: ${err.message}` };
    throw err;
  }
}

export async function startPantry(ctx: SkillContext): Promise<SkillResponse> {
  const { items } = await ctx.orders.pantryBox();
  if (!items.length) return { reply: 'Your pantry box is empty, so there is nothing to send.' };
  const what = andList(items.map((i) => `${i.quantity > 1 ? `${i.quantity} × ` : ''}${i.title}`));
  const state: OrderingState = { step: 'pantry', what };
  return { reply: `Your pantry box holds ${what}. Send it now?`, followUp: { state, expect: { yesNo: true } } };
}

export async function answerPantry(text: string, ctx: SkillContext): Promise<SkillResponse | undefined> {
  const answer = parseYesNo(text);
  if (answer === 'no') return { reply: 'Okay, the pantry box stays open.' };
  if (answer !== 'yes') return undefined;
  const sent = await ctx.orders.sendPantryBox();
  switch (sent.status) {
    case 'placed':
      return {
        reply: `Sent your pantry box${sent.order.totalCents !== undefined && sent.order.currency ? ` for ${money(sent.order.totalCents, sent.order.currency)}` : ''}. I'll tell you when it ships.`,
      };
    case 'refused':
      return { reply: `I can't send the pantry box: ${sent.message}` };
    case 'expired':
      return { reply: sent.message };
  }
}
