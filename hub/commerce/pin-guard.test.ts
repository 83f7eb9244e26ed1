import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { turnsWhile } from '../core/testing/event-loop.js';
import { hashPassword } from '../mqtt/password-hash.js';
import { applyMigrations, openDatabase, type Db } from '../store/database.js';
import { commerceMigrations } from './migrations.js';
import { PinGuard, type PinGuardOptions } from './pin-guard.js';

const HASH = hashPassword('4821');

let dir: string;
const opened: Db[] = [];
/** A fresh connection to the same SQLite file each call: what a restarted hub opens. */
function openDb(): Db {
  const db = openDatabase(join(dir, 'hearth.db'));
  applyMigrations(db, 'commerce', commerceMigrations);
  opened.push(db);
  return db;
}
const guardAt = (clock: ManualClock, extra: Partial<PinGuardOptions> = {}, db = openDb()) =>
  new PinGuard({ db, hash: HASH, maxAttempts: 3, lockoutMs: 300_000, clock, ...extra });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-pin-'));
});
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('household PIN guard', () => {
  it('accepts the PIN whose hash is stored and nothing else (a stored clear-text PIN never matches)', async () => {
    const clock = new ManualClock(0);
    expect(await guardAt(clock).verify('sam', '4821')).toEqual({ status: 'ok' });
    expect(await guardAt(clock).verify('sam', '4812')).toMatchObject({ status: 'wrong', attemptsLeft: 2 });
    expect(await guardAt(clock, { hash: '4821' }).verify('kim', '4821')).toMatchObject({ status: 'wrong' });
    expect(await guardAt(clock, { hash: undefined }).verify('sam', '4821')).toMatchObject({
      status: 'unset',
      message: expect.stringContaining('hearth pin-hash'),
    });
  });

  it('locks a person out after maxAttempts wrong PINs, refuses the right one until the lockout ends, then counts afresh', async () => {
    const clock = new ManualClock(1_000_000);
    const guard = guardAt(clock);
    expect(await guard.verify('sam', '1111')).toMatchObject({ status: 'wrong', attemptsLeft: 2 });
    expect(await guard.verify('sam', '2222')).toMatchObject({ status: 'wrong', attemptsLeft: 1 });
    expect(await guard.verify('sam', '3333')).toEqual({
      status: 'wrong',
      attemptsLeft: 0,
      lockedUntil: 1_300_000,
      message: 'Too many wrong PINs: the PIN is locked for 5 minutes.',
    });
    expect(await guard.verify('sam', '4821')).toMatchObject({ status: 'locked', lockedUntil: 1_300_000 });
    expect(guard.lockedUntil('sam')).toBe(1_300_000);
    clock.advance(299_000);
    expect(await guard.verify('sam', '4821')).toEqual({
      status: 'locked',
      lockedUntil: 1_300_000,
      message: 'Too many wrong PINs: the PIN is locked for a minute.',
    });
    // Someone else in the household is not locked out by sam's guesses.
    expect(await guard.verify('kim', '4821')).toEqual({ status: 'ok' });
    clock.advance(1_000);
    expect(guard.lockedUntil('sam')).toBeUndefined();
    expect(await guard.verify('sam', '1111')).toMatchObject({ status: 'wrong', attemptsLeft: 2 });
    expect(await guard.verify('sam', '4821')).toEqual({ status: 'ok' });
    expect(await guard.verify('sam', '1111')).toMatchObject({ status: 'wrong', attemptsLeft: 2 });
  });

  it('guesses made at the same time cannot exceed the limit', async () => {
    const guard = guardAt(new ManualClock(0));
    // The fourth and fifth come while three guesses are being checked: refused unchecked, even the right PIN.
    const checks = await Promise.all(['1111', '2222', '3333', '4821', '4821'].map((pin) => guard.verify('sam', pin)));
    expect(checks.map((c) => c.status)).not.toContain('ok');
    expect(checks.slice(3).map((c) => c.status)).toEqual(['locked', 'locked']);
    expect(await guard.verify('sam', '4821')).toMatchObject({ status: 'locked' });
  });

  it('keeps the count and the lockout in SQLite: a guard on a reopened database still refuses until the lockout ends', async () => {
    const clock = new ManualClock(5_000_000);
    const first = openDb();
    const before = guardAt(clock, {}, first);
    expect(await before.verify('sam', '1111')).toMatchObject({ status: 'wrong', attemptsLeft: 2 });
    first.close();
    // Restarted: the wrong attempt is remembered, and the next two lock the PIN.
    const second = openDb();
    const afterOne = guardAt(clock, {}, second);
    expect(await afterOne.verify('sam', '2222')).toMatchObject({ status: 'wrong', attemptsLeft: 1 });
    expect(await afterOne.verify('sam', '3333')).toMatchObject({
      status: 'wrong',
      attemptsLeft: 0,
      lockedUntil: 5_300_000,
    });
    second.close();
    const restarted = guardAt(clock);
    expect(await restarted.verify('sam', '4821')).toMatchObject({ status: 'locked', lockedUntil: 5_300_000 });
    clock.advance(300_000);
    expect(await restarted.verify('sam', '4821')).toEqual({ status: 'ok' });
  });

  it('a guess cut short by a crash stays counted: the attempt is stored before scrypt runs', async () => {
    const clock = new ManualClock(0);
    const guard = guardAt(clock);
    const pending = guard.verify('sam', '1111');
    // Another connection, as after a crash mid-check, already sees the attempt.
    expect(openDb().prepare('SELECT failures FROM commerce_pin_attempts WHERE person = ?').pluck().get('sam')).toBe(1);
    await pending;
  });

  it('counts a nameless attempt under commerce.defaultUser, like a nameless purchase; without one, under nobody in particular', async () => {
    const clock = new ManualClock(0);
    const guard = guardAt(clock, { defaultUser: 'sam' });
    expect(await guard.verify(undefined, '1111')).toMatchObject({ status: 'wrong', attemptsLeft: 2 });
    expect(await guard.verify('sam', '2222')).toMatchObject({ status: 'wrong', attemptsLeft: 1 });
    expect(await guard.verify(undefined, '3333')).toMatchObject({ status: 'wrong', attemptsLeft: 0 });
    expect(await guard.verify('sam', '4821')).toMatchObject({ status: 'locked' });

    const noDefault = guardAt(clock, {}, openDb());
    expect(await noDefault.verify(undefined, '1111')).toMatchObject({ status: 'wrong', attemptsLeft: 2 });
    expect(await noDefault.verify('kim', '4821')).toEqual({ status: 'ok' });
  });

  it('checks off the event loop: other callbacks run while scrypt works', async () => {
    const guard = guardAt(new ManualClock(0));
    const { value, turns } = await turnsWhile(() => guard.verify('sam', '4821'));
    expect(value).toEqual({ status: 'ok' });
    expect(turns).toBeGreaterThan(0);
  });
});
