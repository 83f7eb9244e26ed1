import { describe, expect, it } from 'vitest';
import { confirmSettings, type Device } from '../hub/sdk/index.js';
import { guardsTheHouse, needsConfirmation, pendingFor, sensitiveClass } from './sensitive-commands.js';

const device = (type: Device['type'], deviceClass?: string): Device => ({
  id: 'd',
  name: 'Front Door',
  aliases: [],
  type,
  driver: 'hearth',
  origin: 'api',
  capabilities: [],
  state: {},
  available: true,
  ...(deviceClass ? { deviceClass } : {}),
});

describe('what needs a spoken confirmation', () => {
  it('unlocking locks and cars and opening garage doors, gates and motorised doors; never locking, closing or other covers', () => {
    expect(sensitiveClass(device('lock'), { command: 'unlock' })).toBe('unlockLocks');
    expect(sensitiveClass(device('vehicle'), { command: 'unlock' })).toBe('unlockVehicles');
    expect(sensitiveClass(device('lock'), { command: 'lock' })).toBeUndefined();
    expect(sensitiveClass(device('vehicle'), { command: 'engine_start' })).toBeUndefined();
    for (const entry of ['garage', 'gate', 'door', 'Gate']) {
      expect(sensitiveClass(device('cover', entry), { command: 'open' }), entry).toBe('openDoorsAndGates');
      expect(sensitiveClass(device('cover', entry), { command: 'toggle' }), entry).toBe('openDoorsAndGates');
      expect(sensitiveClass(device('cover', entry), { command: 'set_position', params: { position: 20 } }), entry).toBe(
        'openDoorsAndGates',
      );
      expect(
        sensitiveClass(device('cover', entry), { command: 'set_position', params: { position: 0 } }),
        entry,
      ).toBeUndefined();
      expect(sensitiveClass(device('cover', entry), { command: 'close' }), entry).toBeUndefined();
      expect(sensitiveClass(device('cover', entry), { command: 'stop' }), entry).toBeUndefined();
    }
    // Home Assistant's other cover classes, and a cover with no class, open at once.
    for (const other of ['awning', 'blind', 'curtain', 'damper', 'shade', 'shutter', 'window', undefined]) {
      expect(sensitiveClass(device('cover', other), { command: 'open' }), other).toBeUndefined();
      expect(
        sensitiveClass(device('cover', other), { command: 'set_position', params: { position: 80 } }),
        other,
      ).toBeUndefined();
    }
    // A gate-class device that is not a cover (a binary_sensor reporting the gate) is not commanded open at all.
    expect(sensitiveClass(device('binary_sensor', 'gate'), { command: 'open' })).toBeUndefined();
  });

  it('reads which devices guard the house from their types: locks, cars and entry covers, nothing else', () => {
    expect(guardsTheHouse(device('lock'))).toBe(true);
    expect(guardsTheHouse(device('vehicle'))).toBe(true);
    for (const entry of ['garage', 'gate', 'door', 'Gate'])
      expect(guardsTheHouse(device('cover', entry)), entry).toBe(true);
    for (const other of ['blind', 'window', undefined])
      expect(guardsTheHouse(device('cover', other)), other).toBe(false);
    for (const type of ['light', 'switch', 'binary_sensor', 'appliance', 'no_such_type'] as Device['type'][])
      expect(guardsTheHouse(device(type, 'gate')), type).toBe(false);
  });

  it('is on unless the config turns the class off (a skill given no config still asks)', () => {
    expect(needsConfirmation(confirmSettings({}), device('lock'), { command: 'unlock' })).toBe(true);
    const carOff = confirmSettings({ confirm: { unlockVehicles: false } });
    expect(needsConfirmation(carOff, device('vehicle'), { command: 'unlock' })).toBe(false);
    expect(needsConfirmation(carOff, device('lock'), { command: 'unlock' })).toBe(true);
    const entryOff = confirmSettings({ confirm: { openDoorsAndGates: false } });
    expect(needsConfirmation(entryOff, device('cover', 'gate'), { command: 'open' })).toBe(false);
    expect(needsConfirmation(entryOff, device('cover', 'garage'), { command: 'open' })).toBe(false);
    expect(needsConfirmation(confirmSettings({}), device('cover', 'gate'), { command: 'open' })).toBe(true);
  });

  it('words the question and the result after the device', () => {
    expect(pendingFor(device('lock'), { command: 'unlock' })).toMatchObject({
      ask: 'unlock the front door',
      done: 'unlocked the front door',
      name: 'the front door',
    });
    expect(pendingFor(device('cover', 'garage'), { command: 'set_position', params: { position: 40 } })).toMatchObject({
      ask: 'open the front door to 40 percent',
      done: 'moved the front door to 40 percent',
    });
    const gate: Device = { ...device('cover', 'gate'), name: 'Front Gate' };
    expect(pendingFor(gate, { command: 'open' })).toMatchObject({
      ask: 'open the front gate',
      done: 'opened the front gate',
      name: 'the front gate',
    });
  });
});
