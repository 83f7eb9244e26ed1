import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import { SIM_CATALOG, type SimProduct } from './catalog.js';
import { realSimClock, type SimClock } from './clock.js';
import { FaultInjector, faultPatchSchema, type FaultDecision, type FaultPatch } from './faults.js';
import { OrderLedger, type ProgressionTimes } from './ledger.js';

export interface MarketplaceOptions {
  host?: string;
  /** 0 (the default) picks a free port; read it back from `port` after start(). */
  port?: number;
  clock?: SimClock;
  catalog?: readonly SimProduct[];
  times?: Partial<ProgressionTimes>;
  faults?: FaultPatch;
  random?: () => number;
}

const orderBody = z.strictObject({
  clientRef: z.string().min(1).max(200).optional(),
  lines: z
    .array(z.strictObject({ sku: z.string().min(1), quantity: z.number().int().min(1).max(100) }))
    .min(1)
    .max(50),
});
const idempotencyKey = z.string().min(8).max(200);
const sinceQuery = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
const timesBody = z
  .strictObject({ shipAfterMs: z.number().int().min(0), deliverAfterMs: z.number().int().min(0) })
  .partial();

const DEFAULT_TIMES: ProgressionTimes = { shipAfterMs: 6 * 3600_000, deliverAfterMs: 24 * 3600_000 };

function fail(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ error: { code, message } });
}

/**
 * A simulated online shop on a real HTTP port. Shop API: `GET /catalog`, `POST /orders`
 * (requires `Idempotency-Key`), `GET /orders/:id`, `GET /orders?since=`, `POST /orders/:id/cancel`,
 * `GET /orders/updates?since=<cursor>` (status feed, polled). Admin API under `/admin`.
 */
export class MarketplaceSimulator {
  readonly faults: FaultInjector;
  readonly ledger: OrderLedger;
  private readonly app: FastifyInstance;
  private readonly catalog: Map<string, SimProduct>;
  private readonly releaseHangs = new Set<() => void>();
  private times: ProgressionTimes;
  private boundPort = 0;

  constructor(private readonly options: MarketplaceOptions = {}) {
    const clock = options.clock ?? realSimClock;
    this.catalog = new Map((options.catalog ?? SIM_CATALOG).map((p) => [p.sku, p]));
    this.faults = new FaultInjector(options.faults, options.random);
    this.times = { ...DEFAULT_TIMES, ...options.times };
    this.ledger = new OrderLedger(clock, this.catalog, this.times, () => this.faults.settings.duplicateEvents);
    this.app = Fastify({ logger: false, forceCloseConnections: true });
    this.routes();
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  async start(): Promise<void> {
    await this.app.listen({ host: this.options.host ?? '127.0.0.1', port: this.options.port ?? 0 });
    const address = this.app.server.address();
    this.boundPort = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    for (const release of this.releaseHangs) release();
    this.ledger.dispose();
    await this.app.close();
  }

  /** Applies the injected fault for a shop request; returns true when the reply was already sent. */
  private async applyFault(reply: FastifyReply, decision: FaultDecision): Promise<boolean> {
    const s = this.faults.settings;
    if (s.down) {
      fail(reply, 503, 'DOWN', 'The marketplace is down for maintenance; try again later.');
      return true;
    }
    if (s.slowMs > 0) await this.wait(s.slowMs);
    if (decision === 'error') {
      fail(reply, 500, 'INJECTED', 'Injected server error.');
      return true;
    }
    if (decision === 'hang') {
      await this.wait(s.hangMs);
      fail(reply, 504, 'INJECTED_HANG', 'Injected hang ended.');
      return true;
    }
    return false;
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.releaseHangs.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.releaseHangs.add(release);
    });
  }

  private routes(): void {
    const app = this.app;

    app.get('/catalog', async (_req, reply) => {
      if (await this.applyFault(reply, this.faults.decide(false))) return reply;
      return { products: [...this.catalog.values()] };
    });

    app.post('/orders', async (req, reply) => {
      const decision = this.faults.decide(true);
      if (await this.applyFault(reply, decision)) return reply;
      const key = idempotencyKey.safeParse(req.headers['idempotency-key']);
      if (!key.success)
        return fail(
          reply,
          400,
          'IDEMPOTENCY_KEY_REQUIRED',
          'Send an Idempotency-Key header (8-200 characters) with every order.',
        );
      const body = orderBody.safeParse(req.body);
      if (!body.success) return fail(reply, 400, 'VALIDATION_FAILED', z.prettifyError(body.error));
      const request = {
        idempotencyKey: key.data,
        lines: body.data.lines,
        ...(body.data.clientRef ? { clientRef: body.data.clientRef } : {}),
      };
      const result = this.ledger.place(request);
      if (result.kind === 'unknown_sku')
        return fail(reply, 422, 'UNKNOWN_SKU', `No product with SKU "${result.sku}"; refresh the catalog.`);
      if (result.kind === 'mismatch')
        return fail(
          reply,
          422,
          'IDEMPOTENCY_MISMATCH',
          'This Idempotency-Key was already used for a different order; use a new key.',
        );
      if (decision === 'errorAfterCommit')
        return fail(reply, 500, 'INJECTED_AFTER_COMMIT', 'Injected error after the order was stored.');
      return reply
        .code(result.kind === 'created' ? 201 : 200)
        .header('idempotent-replay', String(result.kind === 'replayed'))
        .send(result.order);
    });

    app.get('/orders/updates', async (req, reply) => {
      if (await this.applyFault(reply, this.faults.decide(false))) return reply;
      const q = sinceQuery.safeParse(req.query);
      if (!q.success) return fail(reply, 400, 'VALIDATION_FAILED', z.prettifyError(q.error));
      return this.ledger.updatesSince(q.data.since, q.data.limit);
    });

    app.get('/orders', async (req, reply) => {
      if (await this.applyFault(reply, this.faults.decide(false))) return reply;
      const q = sinceQuery.safeParse(req.query);
      if (!q.success) return fail(reply, 400, 'VALIDATION_FAILED', z.prettifyError(q.error));
      return { orders: this.ledger.list(q.data.since) };
    });

    app.get<{ Params: { id: string } }>('/orders/:id', async (req, reply) => {
      if (await this.applyFault(reply, this.faults.decide(false))) return reply;
      const order = this.ledger.get(req.params.id);
      return order ?? fail(reply, 404, 'NOT_FOUND', `No order "${req.params.id}".`);
    });

    app.post<{ Params: { id: string } }>('/orders/:id/cancel', async (req, reply) => {
      const decision = this.faults.decide(true);
      if (await this.applyFault(reply, decision)) return reply;
      const result = this.ledger.cancel(req.params.id);
      if (!result.ok && result.reason === 'not_found')
        return fail(reply, 404, 'NOT_FOUND', `No order "${req.params.id}".`);
      if (!result.ok)
        return fail(reply, 409, 'ALREADY_SHIPPED', 'The order has already shipped and can no longer be cancelled.');
      if (decision === 'errorAfterCommit')
        return fail(reply, 500, 'INJECTED_AFTER_COMMIT', 'Injected error after the cancellation was stored.');
      return result.order;
    });

    app.get('/admin/ledger', async () => this.ledger.summary());
    app.get('/admin/faults', async () => this.faults.settings);
    app.put('/admin/faults', async (req, reply) => {
      const patch = faultPatchSchema.safeParse(req.body ?? {});
      if (!patch.success) return fail(reply, 400, 'VALIDATION_FAILED', z.prettifyError(patch.error));
      return this.faults.patch(patch.data);
    });
    app.delete('/admin/faults', async () => this.faults.reset());
    app.put('/admin/times', async (req, reply) => {
      const body = timesBody.safeParse(req.body ?? {});
      if (!body.success) return fail(reply, 400, 'VALIDATION_FAILED', z.prettifyError(body.error));
      this.times = { ...this.times, ...body.data };
      this.ledger.setTimes(this.times);
      return this.times;
    });
  }
}
