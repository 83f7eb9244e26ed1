import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { isHubError } from '../sdk/errors.js';
import { hashPassword } from '../mqtt/password-hash.js';

function problems(confirm: unknown): { path: string; message: string }[] {
  try {
    parseConfig({ skills: { confirm } });
  } catch (err) {
    if (isHubError(err) && err.code === 'CONFIG_INVALID') return (err.details as { problems: { path: string; message: string }[] }).problems;
    throw err;
  }
  throw new Error('the config was accepted');
}

describe('skills.confirm config', () => {
  it('asks for every class by default, with no PIN', () => {
    expect(parseConfig({}).skills.confirm).toEqual({ unlockLocks: true, unlockVehicles: true, openGarageDoors: true, pin: { required: false } });
  });

  it('takes a class turned off and a PIN hash from `hearth pin-hash`', () => {
    const hash = hashPassword('4821');
    expect(parseConfig({ skills: { confirm: { unlockVehicles: false, pin: { required: true, hash } } } }).skills.confirm)
      .toMatchObject({ unlockLocks: true, unlockVehicles: false, pin: { required: true, hash } });
  });

  it('names the key and why when it is wrong', () => {
    expect(problems({ unlockLocks: 'no' })).toEqual([{ path: 'skills.confirm.unlockLocks', message: expect.stringContaining('boolean') }]);
    expect(problems({ unlockDoors: false })).toEqual([{ path: 'skills.confirm.unlockDoors', message: expect.stringContaining('unknown key') }]);
    expect(problems({ pin: { required: true } })).toEqual([{ path: 'skills.confirm.pin.hash', message: expect.stringContaining('hearth pin-hash') }]);
    expect(problems({ pin: { required: true, hash: '4821' } })).toEqual([{ path: 'skills.confirm.pin.hash', message: expect.stringContaining('never the PIN itself') }]);
  });
});
