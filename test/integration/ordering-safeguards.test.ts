/**
 * Issue 5 "Must show": a child's voice order, an order over the limit, a wrong PIN and quiet hours are each refused
 * with the reason, and nothing reaches the marketplace.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startOrderingRig, type OrderingRig } from './ordering-fixture.js';
import { hashPassword } from '../../hub/mqtt/password-hash.js';

let rig: OrderingRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function expectNothingOrdered(r: OrderingRig): Promise<void> {
  expect(await r.marketplaceOrders()).toBe(0);
  expect(r.commerce.orders()).toHaveLength(0);
  expect(r.commerce.outbox()).toHaveLength(0);
}

describe('ordering safeguards', () => {
  it("a child's order is refused with the reason, before any question, and a yes afterwards buys nothing", async () => {
    rig = await startOrderingRig();
    const refused = await rig.say('order more coffee', 'mia');
    expect(refused.reply).toBe("I can't order that: Mia is a child and may not buy things; ask an adult to order it.");
    expect(refused.actions).toContainEqual(expect.objectContaining({ type: 'order_refused', reason: 'child' }));
    await rig.say('yes', 'mia');
    await expectNothingOrdered(rig);
  });

  it('the same order from an adult in the same household goes through', async () => {
    rig = await startOrderingRig();
    await rig.say('order more coffee', 'alex');
    await rig.say('yes', 'alex');
    expect(await rig.marketplaceOrders()).toBe(1);
    expect(rig.commerce.orders()[0]?.userId).toBe('alex');
  });

  it('someone the household does not know is refused', async () => {
    rig = await startOrderingRig();
    const refused = await rig.say('order more coffee', 'stranger');
    expect(refused.reply).toMatch(/"stranger" is not a known household member/);
    await expectNothingOrdered(rig);
  });

  it('an order over the per-order limit is refused with the amounts', async () => {
    rig = await startOrderingRig({ limits: { perOrderCents: 2_000 } });
    const refused = await rig.say('buy five bags of coffee');
    expect(refused.reply).toBe(
      "I can't order that: This order costs 69.95 EUR, over the limit of 20.00 EUR per order; order less, or an adult can raise the per-order limit in the dashboard's settings.",
    );
    await rig.say('yes');
    await expectNothingOrdered(rig);
  });

  it('a wrong PIN is refused (and may be retried); the right PIN then orders once', async () => {
    rig = await startOrderingRig({ pin: { required: true, hash: hashPassword('4321') } });
    expect((await rig.say('order more coffee')).reply).toBe(
      'Morning Ridge coffee beans, 1 kg bag, 13.99 euros. Shall I order it?',
    );
    expect((await rig.say('yes')).reply).toBe("What's your purchase PIN?");
    const wrong = await rig.say('1 2 3 4');
    expect(wrong.reply).toBe('That PIN is wrong, so nothing was ordered. Say the PIN again, or say no.');
    expect(wrong.actions).toContainEqual(expect.objectContaining({ type: 'order_refused', reason: 'pin_wrong' }));
    await expectNothingOrdered(rig);
    const right = await rig.say('my pin is four three two one');
    expect(right.reply).toMatch(/^Ordered Morning Ridge coffee beans/);
    expect(await rig.marketplaceOrders()).toBe(1);
  });

  it('a wrong PIN followed by "no" orders nothing; maxAttempts wrong PINs lock the PIN, even the right one, until the lockout ends', async () => {
    rig = await startOrderingRig({ pin: { required: true, hash: hashPassword('4321'), maxAttempts: 2 } });
    await rig.say('order more coffee');
    await rig.say('yes');
    await rig.say('1111');
    expect((await rig.say('no')).reply).toBe("Okay, I won't order it.");
    await expectNothingOrdered(rig);

    // The count is per person across dialogs: this second wrong PIN, in a new purchase, is the last one.
    await rig.say('order more coffee');
    await rig.say('ok');
    const locking = await rig.say('1 1 1 1');
    expect(locking.reply).toBe(
      'The PIN is wrong; nothing was ordered. Too many wrong PINs: the PIN is locked for 5 minutes.',
    );
    expect(locking.actions).toContainEqual(expect.objectContaining({ type: 'order_refused', reason: 'pin_locked' }));

    await rig.say('order more coffee');
    const refused = await rig.say('4 3 2 1');
    expect(refused.reply).toBe('Too many wrong PINs: the PIN is locked for 5 minutes. Nothing was ordered.');
    expect(refused.actions).toContainEqual(expect.objectContaining({ type: 'order_refused', reason: 'pin_locked' }));
    rig.clock.advance(4 * 60_000 + 30_000);
    await rig.say('order more coffee');
    expect((await rig.say('4 3 2 1')).reply).toBe(
      'Too many wrong PINs: the PIN is locked for a minute. Nothing was ordered.',
    );
    await expectNothingOrdered(rig);

    rig.clock.advance(30_000);
    await rig.say('order more coffee');
    expect((await rig.say('4 3 2 1')).reply).toMatch(/^Ordered Morning Ridge coffee beans/);
    expect(await rig.marketplaceOrders()).toBe(1);
  });

  it('a PIN said when nothing is waiting for one orders nothing', async () => {
    rig = await startOrderingRig({ pin: { required: true, hash: hashPassword('4321') } });
    const reply = await rig.say('my pin is 4 3 2 1');
    expect(reply.intent?.name).toBe('PurchasePin');
    expect(reply.reply).toBe('There is no purchase waiting for a PIN. Ask me to order something first.');
    await expectNothingOrdered(rig);
  });

  it('the PIN may be said right after the question instead of "yes"', async () => {
    rig = await startOrderingRig({ pin: { required: true, hash: hashPassword('4321') } });
    await rig.say('order more coffee');
    expect((await rig.say('4 3 2 1')).reply).toMatch(/^Ordered/);
    expect(await rig.marketplaceOrders()).toBe(1);
  });

  it('quiet hours refuse with the hours and when to try again', async () => {
    rig = await startOrderingRig({ quietHours: { start: '22:00', end: '07:00' } }, Date.UTC(2026, 2, 2, 23, 30));
    const refused = await rig.say('order more coffee');
    expect(refused.reply).toBe(
      "I can't order that: No purchases during quiet hours (22:00 to 07:00); try again after 07:00.",
    );
    await rig.say('yes');
    await expectNothingOrdered(rig);
  });

  it('quiet hours that begin while the question is open refuse the yes', async () => {
    rig = await startOrderingRig({ quietHours: { start: '22:00', end: '07:00' } }, Date.UTC(2026, 2, 2, 21, 59, 50));
    expect((await rig.say('order more coffee')).reply).toMatch(/Shall I order it\?$/);
    rig.clock.advance(15_000);
    const refused = await rig.say('yes');
    expect(refused.reply).toMatch(/^I can't order that: No purchases during quiet hours/);
    await expectNothingOrdered(rig);
  });
});
