/**
 * Ordering by voice: "order more coffee", "buy two packs of paper towels", "reorder dish soap", "what did I order
 * last", "where is my order", "cancel my last order", "send my pantry box". Nothing is bought without a spoken yes
 * (and the PIN when the hub asks for one); the hub's purchase rules decide, and every refusal says why.
 */
import { defineSkill, isHubError, type SkillContext, type SkillResponse } from '../../hub/sdk/index.js';
import { answerChoice, answerConfirm, answerPin, reorderLast, startOrder } from './buy.js';
import { isOrderingState } from './dialog.js';
import { orderingIntents } from './intents/index.js';
import { answerCancel, answerPantry, lastOrder, orderStatus, startCancel, startPantry } from './manage.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const count = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined;

/** The hub has no commerce wired in: say so instead of failing. */
async function guarded(run: () => Promise<SkillResponse | undefined>): Promise<SkillResponse | undefined> {
  try {
    return await run();
  } catch (err) {
    if (isHubError(err) && err.code === 'NOT_FOUND' && /ordering is not available/.test(err.message))
      return { reply: 'Ordering is not set up on this hub yet.' };
    throw err;
  }
}

export default defineSkill({
  id: 'ordering',
  version: '1.0.0',
  description:
    'Orders from the marketplace by voice with a spoken confirmation; order status, cancelling and the pantry box.',
  permissions: ['orders:read', 'orders:create'],
  intents: orderingIntents,

  async handle(intent, ctx: SkillContext, utterance) {
    const product = text(intent.slots.product);
    const quantity = count(intent.slots.quantity);
    const reply = await guarded(async () => {
      switch (intent.name) {
        case 'OrderProduct':
        case 'ReorderItem':
          if (!product) return intent.name === 'ReorderItem' ? reorderLast(ctx) : { reply: 'What should I order?' };
          return startOrder(ctx, { query: product, ...(quantity ? { quantity } : {}) }, product);
        case 'OrderStatus':
          return /\bwhat (did (i|we) (order|buy)|was (my|our) (last|latest|previous) order)\b/i.test(utterance.text)
            ? lastOrder(ctx)
            : orderStatus(ctx);
        case 'CancelOrder':
          return startCancel(ctx, product);
        case 'SendPantryBox':
          return startPantry(ctx);
        case 'PurchasePin':
          return { reply: 'There is no purchase waiting for a PIN. Ask me to order something first.' };
      }
    });
    return reply ?? { reply: "I can't help with that order." };
  },

  async followUp(answer, state, ctx) {
    if (!isOrderingState(state)) return undefined;
    return guarded(async () => {
      switch (state.step) {
        case 'choose':
          return answerChoice(answer, state, ctx);
        case 'confirm':
          return answerConfirm(answer, state, ctx);
        case 'pin':
          return answerPin(answer, state, ctx);
        case 'cancel':
          return answerCancel(answer, state, ctx);
        case 'pantry':
          return answerPantry(answer, ctx);
      }
    });
  },
});
