import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../hub/core/clock.js';
import { MarketplaceSimulator } from '../../firmware-sim/marketplace/server.js';

const sims: MarketplaceSimulator[] = [];
async function startSim(options: ConstructorParameters<typeof MarketplaceSimulator>[0] = {}) {
  const sim = new MarketplaceSimulator(options);
  await sim.start();
  sims.push(sim);
  return sim;
}
afterEach(async () => {
  while (sims.length) await sims.pop()!.stop();
});

const post = (url: string, key: string, body: unknown) =>
  fetch(`${url}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });

describe('marketplace simulator', () => {
  it('serves a catalog of household products on a real port', async () => {
    const sim = await startSim();
    expect(sim.port).toBeGreaterThan(0);
    const { products } = (await (await fetch(`${sim.url}/catalog`)).json()) as { products: { sku: string }[] };
    expect(products.length).toBeGreaterThanOrEqual(30);
    expect(products.map((p) => p.sku)).toContain('COF-BEAN-1KG');
  });

  it('creates one order per idempotency key even under 25 concurrent requests', async () => {
    const sim = await startSim({ faults: { slowMs: 20 } });
    const body = { clientRef: 'hub-1', lines: [{ sku: 'COF-POD-30', quantity: 2 }] };
    const replies = await Promise.all(Array.from({ length: 25 }, () => post(sim.url, 'key-aaaaaaaa', body)));
    const ids = new Set(await Promise.all(replies.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(ids.size).toBe(1);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    const summary = sim.ledger.summary();
    expect(summary.totalOrders).toBe(1);
    expect(summary.ordersByKey['key-aaaaaaaa']).toBe(1);
    expect(summary.postsByKey['key-aaaaaaaa']).toBe(25);
  });

  it('rejects a reused key with a different order and requests without a key', async () => {
    const sim = await startSim();
    expect((await post(sim.url, 'key-bbbbbbbb', { lines: [{ sku: 'MLK-WHL-1L', quantity: 1 }] })).status).toBe(201);
    expect((await post(sim.url, 'key-bbbbbbbb', { lines: [{ sku: 'MLK-WHL-1L', quantity: 3 }] })).status).toBe(422);
    const noKey = await fetch(`${sim.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ sku: 'MLK-WHL-1L', quantity: 1 }] }),
    });
    expect(noKey.status).toBe(400);
    expect(sim.ledger.summary().totalOrders).toBe(1);
  });

  it('moves orders placed → shipped → delivered on its clock and feeds the updates', async () => {
    const clock = new ManualClock();
    const sim = await startSim({ clock, times: { shipAfterMs: 1000, deliverAfterMs: 5000 } });
    const order = (await (
      await post(sim.url, 'key-cccccccc', { lines: [{ sku: 'PAP-TWL-8', quantity: 1 }] })
    ).json()) as { id: string };
    clock.advance(1000);
    expect(sim.ledger.get(order.id)?.status).toBe('shipped');
    clock.advance(4000);
    const feed = (await (await fetch(`${sim.url}/orders/updates?since=0`)).json()) as {
      updates: { status: string }[];
      cursor: number;
    };
    expect(feed.updates.map((u) => u.status)).toEqual(['placed', 'shipped', 'delivered']);
    const after = (await (await fetch(`${sim.url}/orders/updates?since=${feed.cursor}`)).json()) as {
      updates: unknown[];
    };
    expect(after.updates).toHaveLength(0);
  });

  it('cancels only before shipping', async () => {
    const clock = new ManualClock();
    const sim = await startSim({ clock, times: { shipAfterMs: 1000, deliverAfterMs: 2000 } });
    const a = (await (await post(sim.url, 'key-dddddddd', { lines: [{ sku: 'PAP-TWL-8', quantity: 1 }] })).json()) as {
      id: string;
    };
    const b = (await (await post(sim.url, 'key-eeeeeeee', { lines: [{ sku: 'PAP-TWL-8', quantity: 1 }] })).json()) as {
      id: string;
    };
    expect((await fetch(`${sim.url}/orders/${a.id}/cancel`, { method: 'POST' })).status).toBe(200);
    clock.advance(1500);
    expect(sim.ledger.get(a.id)?.status).toBe('cancelled');
    expect((await fetch(`${sim.url}/orders/${b.id}/cancel`, { method: 'POST' })).status).toBe(409);
  });

  it('injects faults through the admin API: down, 500 after commit, duplicate events', async () => {
    const sim = await startSim();
    await fetch(`${sim.url}/admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ down: true }),
    });
    expect((await fetch(`${sim.url}/catalog`)).status).toBe(503);
    await fetch(`${sim.url}/admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ down: false, failAfterCommitNext: 1, duplicateEvents: true }),
    });
    const first = await post(sim.url, 'key-ffffffff', { lines: [{ sku: 'TEA-BLK-80', quantity: 1 }] });
    expect(first.status).toBe(500);
    const retry = await post(sim.url, 'key-ffffffff', { lines: [{ sku: 'TEA-BLK-80', quantity: 1 }] });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replay')).toBe('true');
    const ledger = (await (await fetch(`${sim.url}/admin/ledger`)).json()) as { totalOrders: number };
    expect(ledger.totalOrders).toBe(1);
    const feed = (await (await fetch(`${sim.url}/orders/updates`)).json()) as { updates: { status: string }[] };
    expect(feed.updates.map((u) => u.status)).toEqual(['placed', 'placed']);
  });
});
