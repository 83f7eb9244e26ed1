import { afterEach, describe, expect, it } from 'vitest';
import { HubError } from '../../hub/sdk/errors.js';
import { makeRig, type Rig } from './commerce-helpers.js';
import { hashPassword } from '../../hub/mqtt/password-hash.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

function refusal(fn: () => unknown): HubError {
  try {
    fn();
  } catch (err) {
    if (err instanceof HubError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

async function asyncRefusal(promise: Promise<unknown>): Promise<HubError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (err instanceof HubError) return err;
  throw err ?? new Error('expected a refusal');
}

describe('commerce ordering against the simulator', () => {
  it('caches the catalog and quotes a spoken product, then places it exactly once after confirmation', async () => {
    rig = await makeRig();
    expect(rig.service.catalog().length).toBeGreaterThanOrEqual(30);
    const prepared = rig.service.prepareOrder({ product: 'more coffee', userId: 'alex' });
    expect(prepared.quote.summary).toMatch(/coffee beans, 1 kg bag, 13.99 EUR/);
    const order = await rig.service.confirmOrder(prepared.confirmationToken);
    const again = await rig.service.confirmOrder(prepared.confirmationToken);
    expect(again.id).toBe(order.id);
    await rig.service.syncNow();
    expect(rig.sim.ledger.summary().totalOrders).toBe(1);
    expect(rig.service.order(order.id)?.status).toBe('placed');
    expect(rig.service.order(order.id)?.marketplaceId).toMatch(/^mk-/);
  });

  it('asks which one when a name is ambiguous', async () => {
    rig = await makeRig();
    const err = refusal(() => rig!.service.prepareOrder({ product: 'printer', userId: 'alex' }));
    expect(err.code).toBe('CONFLICT');
    expect((err.details as { candidates: unknown[] }).candidates.length).toBeGreaterThan(1);
  });

  it('refuses a child, an order over the limit, the monthly limit, a wrong PIN and quiet hours, and nothing reaches the marketplace', async () => {
    rig = await makeRig({
      pin: { required: true, hash: hashPassword('4711') },
      limits: { perOrderCents: 5000, perMonthCents: 6000 },
      quietHours: { start: '22:00', end: '07:00' },
    });
    const s = rig.service;
    const child = refusal(() => s.prepareOrder({ product: 'coffee pods', userId: 'mia' }));
    expect(child.code).toBe('PURCHASE_REFUSED');
    expect(child.message).toMatch(/Mia is a child/);
    const big = refusal(() => s.prepareOrder({ lines: [{ sku: 'OFF-INK-CLR', quantity: 2 }], userId: 'alex' }));
    expect(big.message).toMatch(/over the limit of 50.00 EUR per order/);
    const wrongPin = s.prepareOrder({ lines: [{ sku: 'OFF-INK-BLK', quantity: 1 }], userId: 'alex' });
    const pinErr = await asyncRefusal(s.confirmOrder(wrongPin.confirmationToken, { pin: '0000' }));
    expect(pinErr.message).toMatch(/PIN is wrong/);
    expect((await asyncRefusal(s.confirmOrder(wrongPin.confirmationToken))).message).toMatch(/PIN is required/);
    const ok = await s.confirmOrder(wrongPin.confirmationToken, { pin: '4711' });
    expect(ok.totalCents).toBe(2899);
    const monthly = refusal(() => s.prepareOrder({ lines: [{ sku: 'OFF-INK-CLR', quantity: 1 }], userId: 'alex' }));
    expect(monthly.message).toMatch(/monthly limit of 60.00 EUR/);
    rig.clock.advance(11 * 3600_000); // 23:00 UTC
    const quiet = refusal(() => s.prepareOrder({ product: 'milk', userId: 'alex' }));
    expect(quiet.message).toMatch(/quiet hours \(22:00 to 07:00\)/);
    expect(s.outbox().map((r) => r.orderId)).toEqual([ok.id]);
    await s.syncNow();
    expect(rig.sim.ledger.summary().totalOrders).toBe(1);
  });

  it('queues orders while the marketplace is down and sends them in order when it returns, with growing backoff', async () => {
    rig = await makeRig();
    rig.sim.faults.patch({ down: true });
    const s = rig.service;
    const ids: string[] = [];
    for (const sku of ['COF-POD-30', 'MLK-WHL-1L', 'PAP-TWL-8'])
      ids.push(
        (await s.confirmOrder(s.prepareOrder({ lines: [{ sku, quantity: 1 }], userId: 'alex' }).confirmationToken)).id,
      );
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await s.syncNow({ ignoreBackoff: true }).catch(() => undefined);
      const head = s.outbox('pending')[0]!;
      const delay = head.nextAttemptAt - rig.clock.now();
      expect(delay).toBe(Math.min(2000, 100 * 2 ** (head.attempts - 1)));
      delays.push(delay);
    }
    expect(delays[1]).toBe(delays[0]! * 2);
    expect(delays[2]).toBe(delays[1]! * 2);
    expect(s.outbox('pending')).toHaveLength(3);
    rig.sim.faults.patch({ down: false });
    rig.clock.advance(delays[2]!);
    await s.syncNow();
    expect(s.outbox('pending')).toHaveLength(0);
    expect(rig.sim.ledger.list().map((o) => o.clientRef)).toEqual(ids);
  });

  it('survives a lost reply: the retry with the same key does not order twice', async () => {
    rig = await makeRig({}, { faults: { failAfterCommitNext: 1 } });
    const s = rig.service;
    await s.confirmOrder(s.prepareOrder({ product: 'dish soap', userId: 'alex' }).confirmationToken);
    await s.syncNow({ ignoreBackoff: true }).catch(() => undefined);
    await s.syncNow({ ignoreBackoff: true });
    const summary = rig.sim.ledger.summary();
    expect(summary.totalOrders).toBe(1);
    expect(Object.values(summary.postsByKey)).toEqual([2]);
  });

  it('announces placed → shipped → delivered, ignoring duplicate events, and cancels before shipping', async () => {
    rig = await makeRig(
      {},
      { times: { shipAfterMs: 3600_000, deliverAfterMs: 7200_000 }, faults: { duplicateEvents: true } },
    );
    const s = rig.service;
    const a = await s.confirmOrder(s.prepareOrder({ product: 'coffee pods', userId: 'alex' }).confirmationToken);
    const b = await s.confirmOrder(s.prepareOrder({ product: 'paper towels', userId: 'alex' }).confirmationToken);
    await s.syncNow();
    s.cancelOrder(b.id);
    await s.syncNow();
    rig.clock.advance(3600_000);
    await s.syncNow();
    rig.clock.advance(3600_000);
    await s.syncNow();
    const statuses = rig.events.orderChanged.filter((e) => e.orderId === a.id).map((e) => e.status);
    expect(statuses).toEqual(['pending', 'placed', 'shipped', 'delivered']);
    expect(s.order(b.id)?.status).toBe('cancelled');
    expect(rig.events.notification).toContain('Your order of Strong paper towels was cancelled.');
    expect(rig.events.notification).toContain('Your order of Capsule coffee pods lungo has been delivered.');
  });
});
