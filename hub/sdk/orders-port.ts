/**
 * The contract between the skills runtime and the hub's commerce module: the skills runtime calls it to serve
 * `ctx.orders`, hub/commerce implements it (`createOrdersPort`). Shapes are the SDK's, so neither module
 * imports the other.
 */
import type { OrderConfirmation, OrderInput, OrderPreparation, ProductRef, SkillOrder } from './skill.js';

/** Who is asking: the skill, and the person whose utterance it is handling (set by the runtime, never by the skill). */
export interface OrderCaller {
  skillId: string;
  user?: string;
}

export interface OrdersPort {
  create(
    skillId: string,
    input: { productId?: string; query?: string; quantity?: number },
    user?: string,
  ): Promise<SkillOrder>;
  list(): Promise<SkillOrder[]>;
  get(id: string): Promise<SkillOrder | undefined>;
  prepare(caller: OrderCaller, input: OrderInput): Promise<OrderPreparation>;
  confirm(caller: OrderCaller, token: string, options: { pin?: string }): Promise<OrderConfirmation>;
  decline(caller: OrderCaller, token: string): Promise<void>;
  cancel(caller: OrderCaller, orderId: string): Promise<SkillOrder>;
  pantryBox(): Promise<{ items: (ProductRef & { quantity: number })[] }>;
  sendPantryBox(caller: OrderCaller): Promise<OrderConfirmation>;
}
