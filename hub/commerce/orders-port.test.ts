import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import { silentLogger } from '../core/logger.js';
import { openDatabase } from '../store/database.js';
import { commerceConfigSchema, type CommerceConfigInput } from './config.js';
import { createOrdersPort } from './orders-port.js';
import { CommerceService } from './service.js';
import { hashPassword } from '../mqtt/password-hash.js';

const PRODUCTS = [
  {
    sku: 'TEA-1',
    name: 'Green tea',
    aliases: ['tea'],
    priceCents: 450,
    currency: 'EUR',
    packSize: '40 bags',
    category: 'pantry',
    volumeMl: 500,
    weightG: 100,
    pantryEligible: true,
  },
  {
    sku: 'TEA-2',
    name: 'Green tea large',
    aliases: [],
    priceCents: 900,
    currency: 'EUR',
    packSize: '100 bags',
    category: 'pantry',
    volumeMl: 900,
    weightG: 250,
    pantryEligible: false,
  },
  {
    sku: 'RICE-1',
    name: 'Basmati rice',
    aliases: ['rice'],
    priceCents: 320,
    currency: 'EUR',
    packSize: '1 kg',
    category: 'pantry',
    volumeMl: 1200,
    weightG: 1000,
    pantryEligible: true,
  },
];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
});

/** No marketplace: orders stay in the outbox, which is all these tests need to see. */
async function port(config: CommerceConfigInput = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-orders-port-'));
  const db = openDatabase(join(dir, 'hub.db'));
  const clock = new ManualClock(Date.UTC(2026, 4, 4, 10, 0));
  const commerce = new CommerceService({
    db,
    bus: new EventBus<HubEvents>(silentLogger),
    log: silentLogger,
    clock,
    config: commerceConfigSchema.parse({
      users: [
        { id: 'sam', name: 'Sam', role: 'adult' },
        { id: 'kit', name: 'Kit', role: 'child' },
      ],
      timeZone: 'UTC',
      ...config,
    }),
  });
  await commerce.start();
  commerce.catalogStore.replaceAll(PRODUCTS, clock.now());
  cleanups.push(async () => {
    await commerce.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { orders: createOrdersPort(commerce), commerce };
}

describe('createOrdersPort', () => {
  it('prepare quotes without ordering; confirm places one order as the caller', async () => {
    const { orders, commerce } = await port();
    const prepared = await orders.prepare({ skillId: 's', user: 'sam' }, { query: 'rice', quantity: 3 });
    expect(prepared).toMatchObject({
      status: 'quoted',
      quote: {
        totalCents: 960,
        currency: 'EUR',
        pinRequired: false,
        items: [{ productId: 'RICE-1', quantity: 3, packSize: '1 kg' }],
      },
    });
    expect(commerce.orders()).toEqual([]);
    if (prepared.status !== 'quoted') throw new Error('expected a quote');
    const confirmed = await orders.confirm({ skillId: 's', user: 'sam' }, prepared.quote.token, {});
    expect(confirmed).toMatchObject({
      status: 'placed',
      order: {
        status: 'pending',
        totalCents: 960,
        items: [{ productId: 'RICE-1', quantity: 3, title: 'Basmati rice' }],
      },
    });
    expect(commerce.orders().map((o) => o.userId)).toEqual(['sam']);
    expect(await orders.confirm({ skillId: 's', user: 'sam' }, 'no-such-token', {})).toMatchObject({
      status: 'expired',
    });
  });

  it('ambiguous and unknown names come back as choices, not orders', async () => {
    const { orders } = await port({ defaultUser: 'sam' });
    expect(await orders.prepare({ skillId: 's' }, { query: 'green' })).toMatchObject({ status: 'ambiguous' });
    expect(await orders.prepare({ skillId: 's' }, { query: 'anchovies' })).toMatchObject({ status: 'not_found' });
    expect(await orders.prepare({ skillId: 's' }, { productId: 'NOPE' })).toEqual({
      status: 'not_found',
      suggestions: [],
    });
  });

  it('refusals carry the policy reason; nobody to buy as is a refusal too', async () => {
    const { orders, commerce } = await port();
    expect(await orders.prepare({ skillId: 's', user: 'kit' }, { query: 'tea' })).toMatchObject({
      status: 'refused',
      reason: 'child',
      message: expect.stringContaining('Kit is a child'),
    });
    expect(await orders.prepare({ skillId: 's' }, { query: 'tea' })).toMatchObject({
      status: 'refused',
      reason: 'no_user',
    });
    expect(await orders.sendPantryBox({ skillId: 's', user: 'sam' })).toMatchObject({
      status: 'refused',
      reason: 'empty',
    });
    expect(commerce.outbox()).toEqual([]);
  });

  it('create orders in one step, but refuses when the hub requires a PIN', async () => {
    const plain = await port({ defaultUser: 'sam' });
    const order = await plain.orders.create('s', { query: 'rice' });
    expect(order).toMatchObject({ status: 'pending', items: [{ productId: 'RICE-1' }] });
    expect(await plain.orders.list()).toEqual([order]);
    expect(await plain.orders.get(order.id)).toEqual(order);

    const withPin = await port({ defaultUser: 'sam', pin: { required: true, hash: hashPassword('2468') } });
    await expect(withPin.orders.create('s', { query: 'rice' })).rejects.toMatchObject({
      code: 'PURCHASE_REFUSED',
      details: { reason: 'pin_missing' },
    });
    await expect(withPin.orders.create('s', { query: 'rice' }, 'kit')).rejects.toMatchObject({
      code: 'PURCHASE_REFUSED',
      details: { reason: 'child' },
    });
    expect(withPin.commerce.orders()).toEqual([]);
  });

  it('cancel asks the marketplace through the outbox; the pantry box is listed and sent as one order', async () => {
    const { orders, commerce } = await port({ defaultUser: 'sam' });
    const order = await orders.create('s', { query: 'rice' });
    expect(await orders.cancel({ skillId: 's' }, order.id)).toMatchObject({ id: order.id, cancelRequested: true });
    expect(commerce.outbox().map((r) => r.op)).toEqual(['place', 'cancel']);
    commerce.addToPantry('TEA-1', 2);
    expect(await orders.pantryBox()).toEqual({ items: [{ productId: 'TEA-1', title: 'Green tea', quantity: 2 }] });
    expect(await orders.sendPantryBox({ skillId: 's', user: 'sam' })).toMatchObject({
      status: 'placed',
      order: { totalCents: 900 },
    });
    expect(await orders.pantryBox()).toEqual({ items: [] });
  });
});
