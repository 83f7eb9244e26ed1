import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { HubError } from '../sdk/errors.js';
import { openDatabase, type Db } from '../store/database.js';
import { SqliteCredentialService } from './credential-store.js';
import { VerifiedPasswordCache } from './verified-password-cache.js';

describe('SqliteCredentialService', () => {
  let dir: string;
  let db: Db;
  let service: SqliteCredentialService;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-cred-'));
    db = openDatabase(join(dir, 'hub.db'));
    service = new SqliteCredentialService(db, new ManualClock());
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issues a random password once and stores only a salted hash', () => {
    const issued = service.create('kitchen-light');
    expect(issued.username).toBe('kitchen-light');
    expect(issued.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const stored = db.prepare('SELECT password_hash FROM mqtt_credentials').pluck().get() as string;
    expect(stored).not.toContain(issued.password);
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(service.get('kitchen-light')).toEqual({
      deviceId: 'kitchen-light', username: 'kitchen-light', extraTopics: [], createdAt: issued.createdAt,
    });
    expect(JSON.stringify(service.list())).not.toContain(issued.password);
  });

  it('verifies the right password only, sync and async', async () => {
    const issued = service.create('lamp');
    expect(service.verify('lamp', issued.password)).toBe(true);
    expect(service.verify('lamp', issued.password + 'x')).toBe(false);
    expect(service.verify('nobody', issued.password)).toBe(false);
    expect(await service.verifyAsync('lamp', issued.password)).toBe(true);
    expect(await service.verifyAsync('lamp', 'wrong')).toBe(false);
  });

  it('two devices with the same password get different hashes (salted)', () => {
    service.create('a');
    service.create('b');
    const hashes = db.prepare('SELECT password_hash FROM mqtt_credentials').pluck().all() as string[];
    expect(new Set(hashes).size).toBe(2);
  });

  it('re-creating replaces the old password; revoke removes it', () => {
    const first = service.create('lamp');
    const second = service.create('lamp');
    expect(service.verify('lamp', first.password)).toBe(false);
    expect(service.verify('lamp', second.password)).toBe(true);
    service.revoke('lamp');
    expect(service.get('lamp')).toBeUndefined();
    expect(service.verify('lamp', second.password)).toBe(false);
  });

  it('keeps extra topics and refuses grants that reach other devices or everything', () => {
    const issued = service.create('tasmota-plug', { extraTopics: ['homeassistant/+/tasmota-plug/#', 'tele/tasmota-plug/#'] });
    expect(service.get('tasmota-plug')?.extraTopics).toEqual(['homeassistant/+/tasmota-plug/#', 'tele/tasmota-plug/#']);
    expect(issued.extraTopics).toHaveLength(2);
    const outside = [
      '#', '+/x', 'hearth/other/#', 'hearth/+/state', '$SYS/#', 'a/#/b', 'tele/plug1/#', 'tele/+/#', 'tasmota-plug/#',
      'homeassistant/#', 'homeassistant/+/#', 'homeassistant/switch/other/config', 'homeassistant/switch/+/config', 'homeassistant/#/tasmota-plug',
    ];
    for (const bad of outside) {
      expect(() => service.create('tasmota-plug', { extraTopics: [bad] }), bad).toThrow(HubError);
    }
    expect(() => service.create('tasmota-plug', { extraTopics: ['homeassistant/#'] })).toThrow(/only the discovery topics of its own id: homeassistant\/<component>\/tasmota-plug/);
    expect(() => service.create('Bad Id')).toThrow(/deviceId/);
  });

  it('survives reopening the database file', () => {
    const issued = service.create('lamp');
    db.close();
    db = openDatabase(join(dir, 'hub.db'));
    const reopened = new SqliteCredentialService(db);
    expect(reopened.verify('lamp', issued.password)).toBe(true);
  });

  describe('verified-password cache (reconnects skip scrypt)', () => {
    it('answers a repeated verification of the same password from the cache, sync and async', async () => {
      const issued = service.create('lamp');
      expect(await service.verifyAsync('lamp', issued.password)).toBe(true);
      expect(service.verifiedCache.hits).toBe(0);
      expect(await service.verifyAsync('lamp', issued.password)).toBe(true);
      expect(service.verify('lamp', issued.password)).toBe(true);
      expect(service.verifiedCache.hits).toBe(2);
    });

    it('refuses a cached password once the credential is revoked', async () => {
      const issued = service.create('lamp');
      expect(await service.verifyAsync('lamp', issued.password)).toBe(true);
      service.revoke('lamp');
      expect(await service.verifyAsync('lamp', issued.password)).toBe(false);
      expect(service.verify('lamp', issued.password)).toBe(false);
    });

    it('refuses the old cached password once the credential is replaced, and accepts the new one', async () => {
      const first = service.create('lamp');
      expect(await service.verifyAsync('lamp', first.password)).toBe(true);
      const second = service.create('lamp');
      expect(await service.verifyAsync('lamp', first.password)).toBe(false);
      expect(await service.verifyAsync('lamp', second.password)).toBe(true);
    });

    it('refuses a cached password when the stored hash changed behind the service (another process, a restore)', async () => {
      const issued = service.create('lamp');
      const other = service.create('other');
      expect(await service.verifyAsync('lamp', issued.password)).toBe(true);
      db.prepare("UPDATE mqtt_credentials SET password_hash = (SELECT password_hash FROM mqtt_credentials WHERE device_id = 'other') WHERE device_id = 'lamp'").run();
      expect(await service.verifyAsync('lamp', issued.password)).toBe(false);
      expect(await service.verifyAsync('lamp', other.password)).toBe(true);
      db.prepare("DELETE FROM mqtt_credentials WHERE device_id = 'lamp'").run();
      expect(await service.verifyAsync('lamp', other.password)).toBe(false);
    });

    it('does not let a wrong password match after a right one was cached', async () => {
      const issued = service.create('lamp');
      expect(await service.verifyAsync('lamp', issued.password)).toBe(true);
      expect(await service.verifyAsync('lamp', issued.password + 'x')).toBe(false);
      expect(await service.verifyAsync('lamp', '')).toBe(false);
      expect(service.verifiedCache.hits).toBe(0);
    });

    it('a password verified for one device does not open another device', async () => {
      const lamp = service.create('lamp');
      service.create('door');
      expect(await service.verifyAsync('lamp', lamp.password)).toBe(true);
      expect(await service.verifyAsync('door', lamp.password)).toBe(false);
    });

    it('keeps at most maxEntries, dropping the oldest', () => {
      const cache = new VerifiedPasswordCache(2);
      cache.remember('a', 'pa', 'ha');
      cache.remember('b', 'pb', 'hb');
      cache.remember('c', 'pc', 'hc');
      expect(cache.size).toBe(2);
      expect(cache.matches('a', 'pa', 'ha')).toBe(false);
      expect(cache.matches('b', 'pb', 'hb')).toBe(true);
      expect(cache.matches('c', 'pc', 'hc')).toBe(true);
    });
  });
});
