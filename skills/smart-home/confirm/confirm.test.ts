import { describe, expect, it } from 'vitest';
import type { Device } from '../../../hub/sdk/index.js';
import { hashPassword } from '../../../hub/mqtt/password-hash.js';
import { verifyPin } from './pin.js';
import { confirmSettings, needsConfirmation, sensitiveClass } from './settings.js';

const device = (type: Device['type'], deviceClass?: string): Device => ({
  id: 'd', name: 'D', aliases: [], type, driver: 'hearth', origin: 'api', capabilities: [], state: {}, available: true, ...(deviceClass ? { deviceClass } : {}),
});

describe('what needs a spoken confirmation', () => {
  it('unlocking locks and cars and opening garage doors; never locking, closing or other covers', () => {
    expect(sensitiveClass(device('lock'), { command: 'unlock' })).toBe('unlockLocks');
    expect(sensitiveClass(device('vehicle'), { command: 'unlock' })).toBe('unlockVehicles');
    expect(sensitiveClass(device('cover', 'garage'), { command: 'open' })).toBe('openGarageDoors');
    expect(sensitiveClass(device('cover', 'garage'), { command: 'set_position', params: { position: 20 } })).toBe('openGarageDoors');
    expect(sensitiveClass(device('cover', 'garage'), { command: 'set_position', params: { position: 0 } })).toBeUndefined();
    expect(sensitiveClass(device('cover', 'garage'), { command: 'close' })).toBeUndefined();
    expect(sensitiveClass(device('cover', 'blind'), { command: 'open' })).toBeUndefined();
    expect(sensitiveClass(device('lock'), { command: 'lock' })).toBeUndefined();
    expect(sensitiveClass(device('vehicle'), { command: 'engine_start' })).toBeUndefined();
  });

  it('is on unless the config turns the class off (a skill given no config still asks)', () => {
    expect(needsConfirmation(confirmSettings({}), device('lock'), { command: 'unlock' })).toBe(true);
    const carOff = confirmSettings({ confirm: { unlockVehicles: false } });
    expect(needsConfirmation(carOff, device('vehicle'), { command: 'unlock' })).toBe(false);
    expect(needsConfirmation(carOff, device('lock'), { command: 'unlock' })).toBe(true);
    expect(confirmSettings({ confirm: { pin: { required: false, hash: 'scrypt$x' } } }).pinHash).toBeUndefined();
  });
});

describe('spoken PIN check', () => {
  it('accepts the PIN whose hash is stored and nothing else', async () => {
    const stored = hashPassword('4821');
    expect(await verifyPin('4821', stored)).toBe(true);
    expect(await verifyPin('4812', stored)).toBe(false);
    expect(await verifyPin('4821', '4821')).toBe(false);
  });
});
