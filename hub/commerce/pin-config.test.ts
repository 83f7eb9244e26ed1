import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { configProblems } from '../config/testing/config-problems.js';
import { hashPassword } from '../mqtt/password-hash.js';

describe('the household PIN (commerce.pin) and spoken confirmation (skills.confirm) config', () => {
  it('asks for every class by default, with no PIN; the PIN is refused 5 minutes after 3 wrong tries', () => {
    const config = parseConfig({});
    expect(config.skills.confirm).toEqual({
      unlockLocks: true,
      unlockVehicles: true,
      openDoorsAndGates: true,
      pin: { required: false },
    });
    expect(config.commerce.pin).toEqual({ required: false, maxAttempts: 3, lockoutMs: 300_000 });
  });

  it('one PIN hash from `hearth pin-hash` serves purchases and unlocking', () => {
    const hash = hashPassword('4821');
    const config = parseConfig({
      commerce: { pin: { required: true, hash, lockoutMs: 60_000 } },
      skills: { confirm: { unlockVehicles: false, pin: { required: true } } },
    });
    expect(config.commerce.pin).toEqual({ required: true, hash, maxAttempts: 3, lockoutMs: 60_000 });
    expect(config.skills.confirm).toMatchObject({ unlockLocks: true, unlockVehicles: false, pin: { required: true } });
  });

  it('refuses a clear-text PIN, naming the key and the fix', () => {
    expect(configProblems({ commerce: { pin: { required: true, code: '4821' } } })).toContainEqual({
      path: 'commerce.pin.code',
      message: expect.stringMatching(/no longer kept in clear text: run `hearth pin-hash`.*commerce\.pin\.hash/),
    });
    expect(configProblems({ commerce: { pin: { hash: '4821' } } })).toEqual([
      { path: 'commerce.pin.hash', message: expect.stringContaining('never the PIN itself') },
    ]);
    expect(configProblems({ skills: { confirm: { pin: { required: true, hash: hashPassword('4821') } } } })).toEqual([
      { path: 'skills.confirm.pin.hash', message: expect.stringContaining('moved to commerce.pin.hash') },
    ]);
  });

  it('names the key and why when a PIN is required but none is set, or a setting is wrong', () => {
    expect(configProblems({ commerce: { pin: { required: true } } })).toEqual([
      { path: 'commerce.pin.hash', message: expect.stringContaining('hearth pin-hash') },
    ]);
    expect(configProblems({ skills: { confirm: { pin: { required: true } } } })).toEqual([
      { path: 'skills.confirm.pin.required', message: expect.stringContaining('commerce.pin.hash') },
    ]);
    expect(configProblems({ commerce: { pin: { lockoutMs: 10 } } })).toEqual([
      { path: 'commerce.pin.lockoutMs', message: expect.stringContaining('1000') },
    ]);
    expect(configProblems({ skills: { confirm: { unlockLocks: 'no' } } })).toEqual([
      { path: 'skills.confirm.unlockLocks', message: expect.stringContaining('boolean') },
    ]);
    expect(configProblems({ skills: { confirm: { unlockDoors: false } } })).toEqual([
      { path: 'skills.confirm.unlockDoors', message: expect.stringContaining('unknown key') },
    ]);
  });
});
