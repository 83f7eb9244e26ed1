/**
 * One household PIN for purchases and unlocking by voice, one count of wrong attempts per person: wrong PINs in an
 * unlock dialog and a purchase dialog add up, the lockout refuses both (even the right PIN) until it ends on the
 * injected clock. Real SkillRuntime with the built-in skills, real LanguageService, CommerceService on SQLite and
 * the marketplace simulator on loopback (ordering-fixture.ts); the front door is an in-memory lock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceState } from '../../hub/sdk/index.js';
import { hashPassword } from '../../hub/mqtt/password-hash.js';
import { startOrderingRig, type OrderingRig } from './ordering-fixture.js';

let rig: OrderingRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function homeWithPin(): Promise<OrderingRig> {
  const r = await startOrderingRig({ pin: { required: true, hash: hashPassword('4321') } }, undefined, { pin: { required: true } });
  r.devices.add({ id: 'front-door', name: 'Front door', type: 'lock' });
  r.devices.responder = (_device, command): DeviceState | undefined =>
    command.command === 'unlock' ? { locked: false } : command.command === 'lock' ? { locked: true } : undefined;
  await r.devices.command('front-door', { command: 'lock' });
  return r;
}

describe('the household PIN is shared by purchases and unlocking', () => {
  it('wrong PINs in both dialogs add up to the lockout, which refuses the right PIN for both until it ends', async () => {
    rig = await homeWithPin();
    const say = (text: string) => rig!.say(text, 'alex');
    const doorLocked = () => rig!.devices.get('front-door')?.state.locked;

    expect((await say('unlock the front door')).reply).toBe('To unlock the front door, I need your PIN. What is it?');
    expect((await say('1 1 1 1')).reply).toBe("That PIN is wrong, so I didn't unlock the front door.");
    await say('order more coffee');
    expect((await say('2 2 2 2')).reply).toBe('That PIN is wrong, so nothing was ordered. Say the PIN again, or say no.');
    expect((await say('3 3 3 3')).reply).toBe('The PIN is wrong; nothing was ordered. Too many wrong PINs: the PIN is locked for 5 minutes.');

    await say('unlock the front door');
    expect((await say('4 3 2 1')).reply).toBe("Too many wrong PINs: the PIN is locked for 5 minutes. I didn't unlock the front door.");
    expect(doorLocked()).toBe(true);
    await say('order more coffee');
    expect((await say('4 3 2 1')).reply).toBe('Too many wrong PINs: the PIN is locked for 5 minutes. Nothing was ordered.');
    expect(await rig.marketplaceOrders()).toBe(0);

    // Another person's PIN entry is not locked by alex's guesses.
    expect(rig.commerce.pins.verifySync('sam', '4321')).toEqual({ status: 'ok' });

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
    expect((await say('3 3 3 3')).reply)
      .toBe("That PIN is wrong, so I didn't unlock the front door. Too many wrong PINs: the PIN is locked for 5 minutes.");
    await say('order more coffee');
    expect((await say('4 3 2 1')).reply).toBe('Too many wrong PINs: the PIN is locked for 5 minutes. Nothing was ordered.');
    expect(await rig.marketplaceOrders()).toBe(0);
    expect(rig.devices.get('front-door')?.state.locked).toBe(true);
  });
});
