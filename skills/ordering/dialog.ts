/** The follow-up states of the ordering dialogs (kept by the hub between the question and the answer). */
import type { ProductRef } from '../../hub/sdk/index.js';

export type OrderingState =
  | { step: 'choose'; candidates: ProductRef[]; quantity: number }
  | { step: 'confirm'; token: string; pinRequired: boolean; what: string }
  | { step: 'pin'; token: string; what: string }
  | { step: 'cancel'; orderId: string; what: string }
  | { step: 'pantry'; what: string };

const STEPS = new Set(['choose', 'confirm', 'pin', 'cancel', 'pantry']);

export function isOrderingState(value: unknown): value is OrderingState {
  return typeof value === 'object' && value !== null && STEPS.has((value as { step?: unknown }).step as string);
}
