import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { HubError } from '../sdk/errors.js';
import { openDatabase, type Db } from '../store/database.js';
import { SqliteCredentialService } from './credential-store.js';
import { hashPassword } from './password-hash.js';
import { SlowCheckQueue } from './slow-check-queue.js';

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

  it('issues a random password once and stores only its HMAC under the hub key', () => {
    const issued = service.create('kitchen-light');
    expect(issued.username).toBe('kitchen-light');
    expect(issued.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const stored = db.prepare('SELECT password_hash FROM mqtt_credentials').pluck().get() as string;
    expect(stored).not.toContain(issued.password);
    expect(stored).toMatch(/^hmac-sha256\$[A-Za-z0-9_-]{43}$/);
    // The stored value does not work as the password.
    expect(service.verify('kitchen-light', stored)).toBe(false);
    expect(service.get('kitchen-light')).toEqual({
      deviceId: 'kitchen-light',
      username: 'kitchen-light',
      extraTopics: [],
      createdAt: issued.createdAt,
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

  it('hashes under a key of its own database: the same secret stored elsewhere does not verify here', () => {
    const issued = service.create('a');
    const otherDb = openDatabase(join(dir, 'other.db'));
    const other = new SqliteCredentialService(otherDb);
    other.create('a');
    otherDb
      .prepare('UPDATE mqtt_credentials SET password_hash = ?')
      .run(db.prepare('SELECT password_hash FROM mqtt_credentials').pluck().get());
    expect(other.verify('a', issued.password)).toBe(false);
    expect(service.verify('a', issued.password)).toBe(true);
    otherDb.close();
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
    const issued = service.create('tasmota-plug', {
      extraTopics: ['homeassistant/+/tasmota-plug/#', 'tele/tasmota-plug/#'],
    });
    expect(service.get('tasmota-plug')?.extraTopics).toEqual(['homeassistant/+/tasmota-plug/#', 'tele/tasmota-plug/#']);
    expect(issued.extraTopics).toHaveLength(2);
    const outside = [
      '#',
      '+/x',
      'hearth/other/#',
      'hearth/+/state',
      '$SYS/#',
      'a/#/b',
      'tele/plug1/#',
      'tele/+/#',
      'tasmota-plug/#',
      'homeassistant/#',
      'homeassistant/+/#',
      'homeassistant/switch/other/config',
      'homeassistant/switch/+/config',
      'homeassistant/#/tasmota-plug',
    ];
    for (const bad of outside) {
      expect(() => service.create('tasmota-plug', { extraTopics: [bad] }), bad).toThrow(HubError);
    }
    expect(() => service.create('tasmota-plug', { extraTopics: ['homeassistant/#'] })).toThrow(
      /only the discovery topics of its own id: homeassistant\/<component>\/tasmota-plug/,
    );
    expect(() => service.create('Bad Id')).toThrow(/deviceId/);
  });

  it('survives reopening the database file', () => {
    const issued = service.create('lamp');
    db.close();
    db = openDatabase(join(dir, 'hub.db'));
    const reopened = new SqliteCredentialService(db);
    expect(reopened.verify('lamp', issued.password)).toBe(true);
  });

  describe('device secrets: HMAC now, scrypt from older hubs upgraded', () => {
    const legacy = (id: string, password: string) =>
      service.list() && // runs the migrations first
      db
        .prepare(
          "INSERT INTO mqtt_credentials (device_id, password_hash, extra_topics, created_at) VALUES (?, ?, '[]', '')",
        )
        .run(id, hashPassword(password));

    it('refuses a revoked credential and an old password once replaced, and follows the database', async () => {
      const first = service.create('lamp');
      const second = service.create('lamp');
      const other = service.create('other');
      expect(await service.verifyAsync('lamp', first.password)).toBe(false);
      expect(await service.verifyAsync('lamp', second.password)).toBe(true);
      db.prepare(
        "UPDATE mqtt_credentials SET password_hash = (SELECT password_hash FROM mqtt_credentials WHERE device_id = 'other') WHERE device_id = 'lamp'",
      ).run();
      expect(await service.verifyAsync('lamp', second.password)).toBe(false);
      expect(await service.verifyAsync('lamp', other.password)).toBe(true);
      service.revoke('lamp');
      expect(await service.verifyAsync('lamp', other.password)).toBe(false);
      expect(await service.verifyAsync('other', '')).toBe(false);
    });

    it('a secret of one device does not open another', async () => {
      const lamp = service.create('lamp');
      service.create('door');
      expect(await service.verifyAsync('door', lamp.password)).toBe(false);
    });

    it('accepts a scrypt hash an older hub stored, once, and rewrites it as HMAC; a wrong password changes nothing', async () => {
      legacy('old-lamp', 'the-old-secret');
      const before = db
        .prepare("SELECT password_hash FROM mqtt_credentials WHERE device_id = 'old-lamp'")
        .pluck()
        .get() as string;
      expect(await service.verifyAsync('old-lamp', 'not-it')).toBe(false);
      expect(db.prepare("SELECT password_hash FROM mqtt_credentials WHERE device_id = 'old-lamp'").pluck().get()).toBe(
        before,
      );
      expect(await service.verifyAsync('old-lamp', 'the-old-secret')).toBe(true);
      expect(
        db.prepare("SELECT password_hash FROM mqtt_credentials WHERE device_id = 'old-lamp'").pluck().get(),
      ).toMatch(/^hmac-sha256\$/);
      expect(service.verify('old-lamp', 'the-old-secret')).toBe(true);
      legacy('old-door', 'door-secret');
      expect(service.verify('old-door', 'door-secret')).toBe(true);
      expect(
        db.prepare("SELECT password_hash FROM mqtt_credentials WHERE device_id = 'old-door'").pluck().get(),
      ).toMatch(/^hmac-sha256\$/);
    });

    it('queues scrypt checks boundedly: a full queue refuses at once, a hung-up client leaves it', async () => {
      const bounded = new SqliteCredentialService(db, new ManualClock(), { concurrency: 1, maxWaiting: 2 });
      for (const id of ['a', 'b', 'c', 'd']) legacy(id, `${id}-secret`);
      const hungUp = new AbortController();
      const checks = [
        bounded.verifyAsync('a', 'wrong'),
        bounded.verifyAsync('b', 'wrong', hungUp.signal),
        bounded.verifyAsync('c', 'c-secret'),
      ];
      await expect(bounded.verifyAsync('d', 'd-secret')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      hungUp.abort();
      expect(bounded.slowChecks.pending).toBe(1);
      const settled = await Promise.allSettled(checks);
      expect(settled.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as HubError).code))).toEqual([
        false,
        'DEVICE_UNAVAILABLE',
        true,
      ]);
      // The HMAC path never waits in the queue.
      const fresh = bounded.create('e');
      expect(await bounded.verifyAsync('e', fresh.password)).toBe(true);
    });

    it('fails every waiting check when cleared (the hub stops)', async () => {
      const queue = new SlowCheckQueue({ concurrency: 1, maxWaiting: 10 });
      let release!: () => void;
      const running = queue.run(() => new Promise<string>((r) => (release = () => r('done'))));
      const waiting = queue.run(async () => 'never');
      queue.clear(new HubError('DEVICE_UNAVAILABLE', 'stopping'));
      await expect(waiting).rejects.toThrow('stopping');
      release();
      expect(await running).toBe('done');
    });
  });
});
