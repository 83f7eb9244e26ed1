/**
 * One household PIN for purchases and unlocking by voice, one count of wrong attempts per person: wrong PINs in an
 * unlock dialog and a purchase dialog add up, the lockout refuses both (even the right PIN) until it ends on the
 * injected clock, and it is kept in the SQLite file, so a restarted commerce service still refuses. Real
 * SkillRuntime with the built-in skills, real LanguageService, CommerceService on a SQLite file and the marketplace
 * simulator on loopback (ordering-fixture.ts, commerce-helpers.ts); the front door is an in-memory lock.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commerceConfigSchema } from '../../hub/commerce/config.js';
import { CommerceService } from '../../hub/commerce/service.js';
import { silentLogger } from '../../hub/core/logger.js';
import { turnsWhile } from '../../hub/core/testing/event-loop.js';
import type { DeviceState } from '../../hub/sdk/index.js';
import { hashPassword } from '../../hub/mqtt/password-hash.js';
import { openDatabase } from '../../hub/store/database.js';
import { HOUSEHOLD, makeRig, type Rig } from './commerce-helpers.js';
import { startOrderingRig, type OrderingRig } from './ordering-fixture.js';

const PIN = { required: true, hash: hashPassword('4321') };

let rig: OrderingRig | undefined;
let commerceRig: Rig | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
  await rig?.close();
  rig = undefined;
  await commerceRig?.close();
  commerceRig = undefined;
});

async function homeWithPin(): Promise<OrderingRig> {
  const r = await startOrderingRig({ pin: PIN }, undefined, { pin: { required: true } });
  r.devices.add({ id: 'front-door', name: 'Front door', type: 'lock' });
  r.devices.responder = (_device, command): DeviceState | undefined =>
    command.command === 'unlock' ? { locked: false } : command.command === 'lock' ? { locked: true } : undefined;
  await r.devices.command('front-door', { command: 'lock' });
  return r;
}

/** One wrong PIN while unlocking, then two while ordering: the third wrong one locks the PIN. */
async function wrongPinsInBothDialogs(say: (text: string) => Promise<{ reply: string }>): Promise<void> {
  expect((await say('unlock the front door')).reply).toBe('To unlock the front door, I need your PIN. What is it?');
  expect((await say('1 1 1 1')).reply).toBe("That PIN is wrong, so I didn't unlock the front door.");
  await say('order more coffee');
  expect((await say('2 2 2 2')).reply).toBe('That PIN is wrong, so nothing was ordered. Say the PIN again, or say no.');
  expect((await say('3 3 3 3')).reply).toBe(
    'The PIN is wrong; nothing was ordered. Too many wrong PINs: the PIN is locked for 5 minutes.',
  );
}

describe('the household PIN is shared by purchases and unlocking', () => {
  it('wrong PINs in both dialogs add up to the lockout, which refuses the right PIN for both until it ends', async () => {
    rig = await homeWithPin();
    const say = (text: string) => rig!.say(text, 'alex');
    const doorLocked = () => rig!.devices.get('front-door')?.state.locked;

    await wrongPinsInBothDialogs(say);

    await say('unlock the front door');
    expect((await say('4 3 2 1')).reply).toBe(
      "Too many wrong PINs: the PIN is locked for 5 minutes. I didn't unlock the front door.",
    );
    expect(doorLocked()).toBe(true);
    await say('order more coffee');
    expect((await say('4 3 2 1')).reply).toBe(
      'Too many wrong PINs: the PIN is locked for 5 minutes. Nothing was ordered.',
    );
    expect(await rig.marketplaceOrders()).toBe(0);

    // Another person's PIN entry is not locked by alex's guesses.
    expect(await rig.commerce.pins.verify('sam', '4321')).toEqual({ status: 'ok' });

    rig.clock.advance(5 * 60_000);
    await say('unlock the front door');
    expect((await say('four three two one')).reply).toBe('Unlocked the front door.');
    expect(doorLocked()).toBe(false);
  });

  it('wrong PINs only in unlock dialogs lock purchases too', async () => {
    rig = await homeWithPin();
    const say = (text: string) => rig!.say(text, 'alex');
    for (const guess of ['1 1 1 1', '2 2 2 2']) {
      await say('unlock the front door');
      expect((await say(guess)).reply).toBe("That PIN is wrong, so I didn't unlock the front door.");
    }
    await say('unlock the front door');
    expect((await say('3 3 3 3')).reply).toBe(
      "That PIN is wrong, so I didn't unlock the front door. Too many wrong PINs: the PIN is locked for 5 minutes.",
    );
    await say('order more coffee');
    expect((await say('4 3 2 1')).reply).toBe(
      'Too many wrong PINs: the PIN is locked for 5 minutes. Nothing was ordered.',
    );
    expect(await rig.marketplaceOrders()).toBe(0);
    expect(rig.devices.get('front-door')?.state.locked).toBe(true);
  });

  it('nobody saying who they are: unlocking and buying count under commerce.defaultUser, the same person', async () => {
    rig = await homeWithPin();
    const say = (text: string) => rig!.say(text);
    await wrongPinsInBothDialogs(say);
    // The default user (alex, commerce-helpers HOUSEHOLD) is the one locked out, by name too.
    expect(await rig.commerce.pins.verify('alex', '4321')).toMatchObject({ status: 'locked' });
    expect(await rig.commerce.pins.verify('sam', '4321')).toEqual({ status: 'ok' });
  });
});

describe('the PIN lockout is kept in SQLite and checked off the event loop', () => {
  const quote = (service: CommerceService) =>
    service.prepareOrder({ product: 'coffee pods', userId: 'alex' }).confirmationToken;

  it('a lockout survives restarting the commerce service on the same file; when it ends, the right PIN buys', async () => {
    commerceRig = await makeRig({ pin: PIN });
    const { service, clock, dir, bus } = commerceRig;
    for (const [pin, reason] of [
      ['1111', 'pin_wrong'],
      ['2222', 'pin_wrong'],
      ['3333', 'pin_locked'],
    ] as const)
      await expect(service.confirmOrder(quote(service), { pin })).rejects.toMatchObject({
        code: 'PURCHASE_REFUSED',
        details: { reason },
      });

    await service.stop();
    commerceRig.db.close();
    const db = openDatabase(join(dir, 'hub.db'));
    const restarted = new CommerceService({
      db,
      bus,
      log: silentLogger,
      clock,
      config: commerceConfigSchema.parse({ ...HOUSEHOLD, pin: PIN }),
    });
    cleanups.push(
      () => {
        db.close();
      },
      () => restarted.stop(),
    );
    await restarted.start();

    await expect(restarted.confirmOrder(quote(restarted), { pin: '4321' })).rejects.toMatchObject({
      details: { reason: 'pin_locked' },
      message: /locked for 5 minutes/,
    });
    expect(await restarted.pins.verify('alex', '4321')).toMatchObject({ status: 'locked' });
    clock.advance(5 * 60_000);
    expect((await restarted.confirmOrder(quote(restarted), { pin: '4321' })).userId).toBe('alex');
    expect(restarted.orders()).toHaveLength(1);
  });

  it('guesses confirmed at the same time cannot exceed maxAttempts, and place nothing', async () => {
    commerceRig = await makeRig({ pin: PIN });
    const { service } = commerceRig;
    const tokens = ['1111', '2222', '3333', '4321', '4321'].map((pin) => ({ pin, token: quote(service) }));
    const outcomes = await Promise.allSettled(tokens.map(({ pin, token }) => service.confirmOrder(token, { pin })));
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('rejected'));
    expect(outcomes.slice(3).map((o) => (o as PromiseRejectedResult).reason.details.reason)).toEqual([
      'pin_locked',
      'pin_locked',
    ]);
    expect(service.orders()).toEqual([]);
    expect(service.outbox()).toEqual([]);
  });

  it('the event loop keeps turning while a purchase PIN is checked (the broker shares it)', async () => {
    commerceRig = await makeRig({ pin: PIN });
    const { service } = commerceRig;
    const token = quote(service);
    const { value: order, turns } = await turnsWhile(() => service.confirmOrder(token, { pin: '4321' }));
    expect(order.status).toBe('pending');
    expect(turns).toBeGreaterThan(0);
  });
});
