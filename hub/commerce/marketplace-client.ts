import { z } from 'zod';

/** A failed marketplace call; `retryable` says whether sending the same request again may succeed. */
export class MarketplaceCallError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'MarketplaceCallError';
  }
}

export const remoteProductSchema = z.object({
  sku: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  priceCents: z.number().int().min(0),
  currency: z.string().length(3),
  packSize: z.string().default(''),
  category: z.string().default('other'),
  volumeMl: z.number().min(0).default(0),
  weightG: z.number().min(0).default(0),
  pantryEligible: z.boolean().default(false),
});
const remoteOrderSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['placed', 'shipped', 'delivered', 'cancelled']),
});
const updatesSchema = z.object({
  cursor: z.number().int().min(0),
  updates: z.array(
    z.object({
      seq: z.number().int(),
      orderId: z.string(),
      clientRef: z.string().optional(),
      status: z.enum(['placed', 'shipped', 'delivered', 'cancelled']),
      at: z.number(),
    }),
  ),
});
export type RemoteOrder = z.infer<typeof remoteOrderSchema>;
export type StatusUpdates = z.infer<typeof updatesSchema>;
export type RemoteProduct = z.infer<typeof remoteProductSchema>;

/** HTTP client for the marketplace API (the simulator's shape); every answer is validated. */
export class MarketplaceClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async catalog(): Promise<RemoteProduct[]> {
    const body = await this.call('GET', '/catalog');
    return z.object({ products: z.array(remoteProductSchema) }).parse(body).products;
  }

  async placeOrder(
    idempotencyKey: string,
    clientRef: string,
    lines: { sku: string; quantity: number }[],
  ): Promise<RemoteOrder> {
    return remoteOrderSchema.parse(
      await this.call('POST', '/orders', { clientRef, lines }, { 'idempotency-key': idempotencyKey }),
    );
  }

  async cancelOrder(marketplaceId: string): Promise<RemoteOrder> {
    return remoteOrderSchema.parse(await this.call('POST', `/orders/${encodeURIComponent(marketplaceId)}/cancel`, {}));
  }

  async updates(since: number): Promise<StatusUpdates> {
    return updatesSchema.parse(await this.call('GET', `/orders/updates?since=${since}`));
  }

  private async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new MarketplaceCallError(
        `marketplace unreachable: ${err instanceof Error ? err.message : String(err)}`,
        true,
      );
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw new MarketplaceCallError(
        `marketplace answer cut off: ${err instanceof Error ? err.message : String(err)}`,
        true,
        res.status,
      );
    }
    if (!res.ok) {
      // 408/429 and 5xx are worth retrying; other 4xx mean the request itself is wrong.
      const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
      throw new MarketplaceCallError(
        `marketplace answered ${res.status}: ${text.slice(0, 200)}`,
        retryable,
        res.status,
      );
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new MarketplaceCallError('marketplace answered with invalid JSON', true, res.status);
    }
  }
}
