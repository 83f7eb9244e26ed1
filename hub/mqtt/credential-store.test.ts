import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { HubError } from '../sdk/errors.js';
import { openDatabase, type Db } from '../store/database.js';
import { SqliteCredentialService } from './credential-store.js';

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
    const issued = service.create('tasmota-plug', { extraTopics: ['homeassistant/+/tasmota-plug/#', 'tele/plug1/#'] });
    expect(service.get('tasmota-plug')?.extraTopics).toEqual(['homeassistant/+/tasmota-plug/#', 'tele/plug1/#']);
    expect(issued.extraTopics).toHaveLength(2);
    for (const bad of ['#', '+/x', 'hearth/other/#', 'hearth/+/state', '$SYS/#', 'a/#/b']) {
      expect(() => service.create('tasmota-plug', { extraTopics: [bad] })).toThrow(HubError);
    }
    expect(() => service.create('Bad Id')).toThrow(/deviceId/);
  });

  it('survives reopening the database file', () => {
    const issued = service.create('lamp');
    db.close();
    db = openDatabase(join(dir, 'hub.db'));
    const reopened = new SqliteCredentialService(db);
    expect(reopened.verify('lamp', issued.password)).toBe(true);
  });
});
