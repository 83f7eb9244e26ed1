/** "order more coffee" → "Shall I order it?" → yes/no, on the real runtime, language, commerce and marketplace. */
import { afterEach, describe, expect, it } from 'vitest';
import { startOrderingRig, type OrderingRig } from './ordering-fixture.js';

let rig: OrderingRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('ordering by voice', () => {
  it('"order more coffee" asks first, "yes" places exactly one order at the marketplace', async () => {
    rig = await startOrderingRig();
    const question = await rig.say('order more coffee');
    expect(question.skill).toBe('ordering');
    expect(question.reply).toBe('Morning Ridge coffee beans, 1 kg bag, 13.99 euros. Shall I order it?');
    expect(await rig.marketplaceOrders()).toBe(0);
    expect(rig.commerce.orders()).toHaveLength(0);

    const done = await rig.say('yes');
    expect(done.reply).toMatch(/^Ordered Morning Ridge coffee beans for 13\.99 euros\./);
    expect(done.actions).toContainEqual(expect.objectContaining({ type: 'order_created' }));
    expect(await rig.marketplaceOrders()).toBe(1);
    const [placed] = rig.sim.ledger.list();
    expect(placed?.lines).toEqual([expect.objectContaining({ sku: 'COF-BEAN-1KG', quantity: 1 })]);

    // The dialog is closed: another "yes" is not a second purchase.
    await rig.say('yes');
    expect(await rig.marketplaceOrders()).toBe(1);
  });

  it('"no" declines: nothing is ordered, and a later "yes" does not revive it', async () => {
    rig = await startOrderingRig();
    await rig.say('order more coffee');
    const declined = await rig.say('no');
    expect(declined.reply).toBe("Okay, I won't order it.");
    await rig.say('yes');
    expect(await rig.marketplaceOrders()).toBe(0);
    expect(rig.commerce.orders()).toHaveLength(0);
  });

  it('an unrelated answer is understood as a new command and the purchase is dropped', async () => {
    rig = await startOrderingRig();
    await rig.say('order more coffee');
    const next = await rig.say('where is my order');
    expect(next.intent?.name).toBe('OrderStatus');
    expect(next.reply).toBe("You haven't ordered anything yet.");
    await rig.say('yes');
    expect(await rig.marketplaceOrders()).toBe(0);
  });

  it('"buy two packs of paper towels" quotes the quantity and the total', async () => {
    rig = await startOrderingRig();
    const question = await rig.say('buy two packs of paper towels');
    expect(question.reply).toBe(
      '2 packs of Strong paper towels, 8 rolls each, 13.98 euros in total. Shall I order them?',
    );
    await rig.say('yeah go ahead');
    expect(await rig.marketplaceOrders()).toBe(1);
    expect(rig.sim.ledger.list()[0]?.lines).toEqual([expect.objectContaining({ sku: 'PAP-TWL-8', quantity: 2 })]);
    expect(rig.sim.ledger.list()[0]?.totalCents).toBe(1398);
  });

  it('"reorder dish soap" resolves the alias and orders after the yes', async () => {
    rig = await startOrderingRig();
    const question = await rig.say('reorder dish soap');
    expect(question.intent?.name).toBe('ReorderItem');
    expect(question.reply).toBe('Citrus dish soap, 750 ml, 2.89 euros. Shall I order it?');
    await rig.say('sure');
    expect(await rig.marketplaceOrders()).toBe(1);
    expect(rig.sim.ledger.list()[0]?.lines[0]?.sku).toBe('DSH-SOAP-750');
  });

  it('an ambiguous name asks "which one?" and the answer picks the product', async () => {
    rig = await startOrderingRig();
    const question = await rig.say('order dishwasher');
    expect(question.reply).toMatch(/^Which one: .+ or .+\?$/);
    for (const name of ['Sparkle dishwasher tablets', 'Dishwasher salt', 'Dishwasher rinse aid'])
      expect(question.reply).toContain(name);
    expect(await rig.marketplaceOrders()).toBe(0);
    const quote = await rig.say('the salt');
    expect(quote.reply).toBe('Dishwasher salt, 2 kg, 2.49 euros. Shall I order it?');
    await rig.say('yes');
    expect(await rig.marketplaceOrders()).toBe(1);
    expect(rig.sim.ledger.list()[0]?.lines[0]?.sku).toBe('DSH-SALT-2KG');
  });

  it('"reorder my last order" repeats the lines of the previous order, again only after a yes', async () => {
    rig = await startOrderingRig();
    await rig.say('buy two packs of paper towels');
    await rig.say('yes');
    const question = await rig.say('reorder my last order');
    expect(question.reply).toBe(
      '2 packs of Strong paper towels, 8 rolls each, 13.98 euros in total. Shall I order them?',
    );
    expect(await rig.marketplaceOrders()).toBe(1);
    await rig.say('yes');
    expect(await rig.marketplaceOrders()).toBe(2);
  });

  it('a product the shop does not sell is said so, and nothing is ordered', async () => {
    rig = await startOrderingRig();
    const reply = await rig.say('order a grand piano');
    expect(reply.reply).toMatch(/^I couldn't find "grand piano"/);
    await rig.say('no');
    expect(await rig.marketplaceOrders()).toBe(0);
  });
});
