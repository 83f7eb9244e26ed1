/** The commerce module's public data shapes. Money is integer cents. */
export interface Product {
  sku: string;
  name: string;
  aliases: string[];
  priceCents: number;
  currency: string;
  packSize: string;
  category: string;
  volumeMl: number;
  weightG: number;
  pantryEligible: boolean;
}

export type OrderStatus = 'pending' | 'placed' | 'shipped' | 'delivered' | 'cancelled' | 'failed';
export type OrderSource = 'voice' | 'api' | 'button' | 'replenishment' | 'pantry';

export interface OrderLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
}

export interface Order {
  id: string;
  createdAt: number;
  userId: string;
  source: OrderSource;
  sourceRef?: string;
  lines: OrderLine[];
  totalCents: number;
  currency: string;
  status: OrderStatus;
  marketplaceId?: string;
  cancelRequested: boolean;
}

export interface OutboxRow {
  seq: number;
  orderId: string;
  op: 'place' | 'cancel';
  idempotencyKey: string;
  state: 'pending' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
}

export interface Quote {
  lines: OrderLine[];
  totalCents: number;
  currency: string;
  /** e.g. "Morning Ridge coffee beans, 1 kg bag, 13.99 EUR" — for the spoken confirmation. */
  summary: string;
}

export interface OrderRequest {
  /** Either SKUs… */
  lines?: { sku: string; quantity: number }[];
  /** …or a spoken product name resolved against the catalog. */
  product?: string;
  quantity?: number;
  userId: string;
  source?: OrderSource;
}

export function formatMoney(cents: number, currency: string): string {
  return `${(cents / 100).toFixed(2)} ${currency}`;
}
