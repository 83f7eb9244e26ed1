/** After buying: last order, where is my order (status from the marketplace), cancel with confirmation, pantry box. */
import { afterEach, describe, expect, it } from 'vitest';
import { startOrderingRig, type OrderingRig } from './ordering-fixture.js';

let rig: OrderingRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function buyCoffee(r: OrderingRig): Promise<void> {
  await r.say('order more coffee');
  await r.say('yes');
  expect(await r.marketplaceOrders()).toBe(1);
}

describe('orders after buying', () => {
  it('"what did I order last" names the order, its price and its status', async () => {
    rig = await startOrderingRig();
    expect((await rig.say('what did I order last')).reply).toBe("You haven't ordered anything yet.");
    await buyCoffee(rig);
    const last = await rig.say('what did I order last');
    expect(last.intent?.name).toBe('OrderStatus');
    expect(last.reply).toBe(
      'Your last order was Morning Ridge coffee beans, 13.99 euros, today. It has been placed and has not shipped yet.',
    );
  });

  it('"where is my order" follows the marketplace: placed, then shipped, then delivered', async () => {
    rig = await startOrderingRig();
    await buyCoffee(rig);
    expect((await rig.say('where is my order')).reply).toBe(
      'Your order of Morning Ridge coffee beans has been placed and has not shipped yet.',
    );
    rig.clock.advance(3 * 3_600_000);
    await rig.commerce.syncNow();
    expect((await rig.say('where is my order')).reply).toBe(
      'Your order of Morning Ridge coffee beans has shipped and is on its way.',
    );
    rig.clock.advance(24 * 3_600_000);
    await rig.commerce.syncNow();
    expect((await rig.say('where is my order')).reply).toBe(
      'Nothing is on its way. Your last order, Morning Ridge coffee beans, has been delivered.',
    );
  });

  it('"cancel my last order" asks first; "yes" cancels it at the marketplace', async () => {
    rig = await startOrderingRig();
    await buyCoffee(rig);
    const question = await rig.say('cancel my last order');
    expect(question.reply).toBe('Cancel your order of Morning Ridge coffee beans, 13.99 euros?');
    expect(rig.sim.ledger.list()[0]?.status).toBe('placed');
    const done = await rig.say('yes');
    expect(done.reply).toBe(
      "Okay, I've asked the shop to cancel your order of Morning Ridge coffee beans, 13.99 euros.",
    );
    await rig.commerce.syncNow({ ignoreBackoff: true });
    expect(rig.sim.ledger.list()[0]?.status).toBe('cancelled');
    expect(rig.commerce.orders()[0]?.status).toBe('cancelled');
    expect((await rig.say('cancel my last order')).reply).toBe('There is no order to cancel.');
  });

  it('"no" keeps the order', async () => {
    rig = await startOrderingRig();
    await buyCoffee(rig);
    await rig.say('cancel my last order');
    expect((await rig.say('no')).reply).toBe('Okay, the order stays.');
    await rig.commerce.syncNow({ ignoreBackoff: true });
    expect(rig.sim.ledger.list()[0]?.status).toBe('placed');
  });

  it('a shipped order cannot be cancelled, and the reply says so', async () => {
    rig = await startOrderingRig();
    await buyCoffee(rig);
    rig.clock.advance(3 * 3_600_000);
    await rig.commerce.syncNow();
    const reply = await rig.say('cancel the coffee order');
    expect(reply.reply).toBe(
      'Your order of Morning Ridge coffee beans has shipped and is on its way, so it can no longer be cancelled.',
    );
    expect(rig.sim.ledger.list()[0]?.status).toBe('shipped');
  });

  it('"send my pantry box" lists the box, and sends it as one order after the yes', async () => {
    rig = await startOrderingRig();
    expect((await rig.say('send my pantry box')).reply).toBe('Your pantry box is empty, so there is nothing to send.');
    rig.commerce.addToPantry('TEA-BLK-80', 2);
    rig.commerce.addToPantry('DSH-SOAP-750', 1);
    const question = await rig.say('send my pantry box');
    expect(question.reply).toBe('Your pantry box holds 2 × Breakfast black tea and Citrus dish soap. Send it now?');
    expect(await rig.marketplaceOrders()).toBe(0);
    const sent = await rig.say('yes');
    expect(sent.reply).toBe("Sent your pantry box for 11.47 euros. I'll tell you when it ships.");
    expect(await rig.marketplaceOrders()).toBe(1);
    expect(rig.sim.ledger.list()[0]?.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['TEA-BLK-80', 2],
      ['DSH-SOAP-750', 1],
    ]);
    expect(rig.commerce.pantryContents().items).toEqual([]);
  });

  it('a child cannot send the pantry box, and the box stays as it was', async () => {
    rig = await startOrderingRig();
    rig.commerce.addToPantry('TEA-BLK-80', 1);
    await rig.say('send my pantry box', 'mia');
    const refused = await rig.say('yes', 'mia');
    expect(refused.reply).toBe(
      "I can't send the pantry box: Mia is a child and may not buy things; ask an adult to order it.",
    );
    expect(await rig.marketplaceOrders()).toBe(0);
    expect(rig.commerce.pantryContents().items).toHaveLength(1);
  });
});
