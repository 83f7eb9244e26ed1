/** Buying: quote → "Shall I order it?" → (PIN) → placed; "which one?" when the product name fits several. */
import {
  parsePin,
  parseYesNo,
  type ExpectedAnswer,
  type OrderInput,
  type OrderPreparation,
  type SkillContext,
  type SkillOrder,
  type SkillResponse,
} from '../../hub/sdk/index.js';
import { pickCandidate } from './answers.js';
import type { OrderingState } from './dialog.js';
import { confirmQuestion, describeQuote, money, orderContents, orList, whichOne } from './speech.js';

/** The question and what answers it takes (so a recogniser listens for a PIN only when one is asked). */
const ask = (reply: string, state: OrderingState): SkillResponse => ({
  reply,
  followUp: { state, expect: expectedAnswer(state) },
});

function expectedAnswer(state: OrderingState): ExpectedAnswer {
  switch (state.step) {
    case 'choose':
      return { choices: state.candidates.map((c) => c.title), yesNo: true };
    case 'confirm':
      return { yesNo: true, pin: state.pinRequired };
    case 'pin':
      return { pin: true, yesNo: true };
    default:
      return { yesNo: true };
  }
}

/** Prepares the order and turns the outcome into the question or the refusal. */
export async function startOrder(ctx: SkillContext, input: OrderInput, spokenName?: string): Promise<SkillResponse> {
  return answerPreparation(await ctx.orders.prepare(input), input.quantity ?? 1, spokenName);
}

function answerPreparation(prepared: OrderPreparation, quantity: number, spokenName?: string): SkillResponse {
  switch (prepared.status) {
    case 'quoted': {
      const { quote } = prepared;
      return ask(confirmQuestion(quote), {
        step: 'confirm',
        token: quote.token,
        pinRequired: quote.pinRequired,
        what: describeQuote(quote),
      });
    }
    case 'ambiguous':
      return ask(whichOne(prepared.candidates), { step: 'choose', candidates: prepared.candidates, quantity });
    case 'not_found': {
      const name = spokenName ? `"${spokenName}"` : 'that';
      if (!prepared.suggestions.length)
        return { reply: `I couldn't find ${name} in the shop's catalog, so nothing was ordered.` };
      return ask(`I couldn't find ${name}. Did you mean ${orList(prepared.suggestions.map((s) => s.title))}?`, {
        step: 'choose',
        candidates: prepared.suggestions,
        quantity,
      });
    }
    case 'refused':
      return { reply: `I can't order that: ${prepared.message}` };
  }
}

export async function reorderLast(ctx: SkillContext): Promise<SkillResponse> {
  const [last] = await ctx.orders.list();
  if (!last) return { reply: "You haven't ordered anything yet, so there is nothing to reorder." };
  return startOrder(ctx, { items: last.items.map((i) => ({ productId: i.productId, quantity: i.quantity })) });
}

export async function answerChoice(
  text: string,
  state: Extract<OrderingState, { step: 'choose' }>,
  ctx: SkillContext,
): Promise<SkillResponse | undefined> {
  const chosen = pickCandidate(text, state.candidates);
  if (chosen) return startOrder(ctx, { productId: chosen.productId, quantity: state.quantity });
  if (parseYesNo(text) === 'no') return { reply: 'Okay, nothing was ordered.' };
  if (parseYesNo(text) === 'yes' && state.candidates.length === 1)
    return startOrder(ctx, { productId: state.candidates[0]!.productId, quantity: state.quantity });
  return undefined;
}

export async function answerConfirm(
  text: string,
  state: Extract<OrderingState, { step: 'confirm' }>,
  ctx: SkillContext,
): Promise<SkillResponse | undefined> {
  const pin = state.pinRequired ? parsePin(text) : undefined;
  if (pin) return placeWithPin(ctx, state.token, state.what, pin);
  const answer = parseYesNo(text);
  if (answer === 'yes') {
    if (state.pinRequired)
      return ask("What's your purchase PIN?", { step: 'pin', token: state.token, what: state.what });
    return (await place(ctx, state.token, {})).response;
  }
  await ctx.orders.decline(state.token);
  if (answer === 'no') return { reply: "Okay, I won't order it." };
  return undefined;
}

export async function answerPin(
  text: string,
  state: Extract<OrderingState, { step: 'pin' }>,
  ctx: SkillContext,
): Promise<SkillResponse | undefined> {
  const pin = parsePin(text);
  if (pin) return placeWithPin(ctx, state.token, state.what, pin);
  await ctx.orders.decline(state.token);
  if (parseYesNo(text) === 'no') return { reply: "Okay, I won't order it." };
  return undefined;
}

async function placeWithPin(ctx: SkillContext, token: string, what: string, pin: string): Promise<SkillResponse> {
  const { response, refusal } = await place(ctx, token, { pin });
  // A wrong PIN may be tried again until the hub locks the PIN (pin_locked), which ends the dialog.
  if (refusal === 'pin_wrong')
    return ask(`${response.reply} Say the PIN again, or say no.`, { step: 'pin', token, what });
  return response;
}

async function place(
  ctx: SkillContext,
  token: string,
  options: { pin?: string },
): Promise<{ response: SkillResponse; refusal?: string }> {
  const confirmed = await ctx.orders.confirm(token, options);
  switch (confirmed.status) {
    case 'placed':
      return {
        response: {
          reply: `Ordered ${orderContents(confirmed.order)}${priceOf(confirmed.order)}. I'll tell you when it ships.`,
        },
      };
    case 'expired':
      return { response: { reply: 'That question has expired, so nothing was ordered. Ask me again.' } };
    case 'refused':
      return { response: { reply: refusalReply(confirmed.reason, confirmed.message) }, refusal: confirmed.reason };
  }
}

function refusalReply(reason: string, message: string): string {
  if (reason === 'pin_wrong') return 'That PIN is wrong, so nothing was ordered.';
  // Said as the hub words it: how long the PIN stays locked.
  if (reason === 'pin_locked') return message;
  return `I can't order that: ${message}`;
}

const priceOf = (order: SkillOrder) =>
  order.totalCents !== undefined && order.currency ? ` for ${money(order.totalCents, order.currency)}` : '';
