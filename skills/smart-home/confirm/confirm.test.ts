import { describe, expect, it } from 'vitest';
import { confirmSettings, type Device } from '../../../hub/sdk/index.js';
import { needsConfirmation, pendingFor, sensitiveClass } from './settings.js';

const device = (type: Device['type'], deviceClass?: string): Device => ({
  id: 'd', name: 'Front Door', aliases: [], type, driver: 'hearth', origin: 'api', capabilities: [], state: {}, available: true, ...(deviceClass ? { deviceClass } : {}),
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
  });

  it('words the question and the result after the device', () => {
    expect(pendingFor(device('lock'), { command: 'unlock' })).toMatchObject({ ask: 'unlock the front door', done: 'unlocked the front door', name: 'the front door' });
    expect(pendingFor(device('cover', 'garage'), { command: 'set_position', params: { position: 40 } }))
      .toMatchObject({ ask: 'open the front door to 40 percent', done: 'moved the front door to 40 percent' });
  });
});
