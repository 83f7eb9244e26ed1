import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { hashPassword } from '../mqtt/password-hash.js';
import { PinGuard } from './pin-guard.js';

const HASH = hashPassword('4821');
const guardAt = (clock: ManualClock, hash: string | undefined = HASH) => new PinGuard({ hash, maxAttempts: 3, lockoutMs: 300_000, clock });

describe('household PIN guard', () => {
  it('accepts the PIN whose hash is stored and nothing else (a stored clear-text PIN never matches)', async () => {
    const clock = new ManualClock(0);
    expect(await guardAt(clock).verify('sam', '4821')).toEqual({ status: 'ok' });
    expect(await guardAt(clock).verify('sam', '4812')).toMatchObject({ status: 'wrong', attemptsLeft: 2 });
    expect(await guardAt(clock, '4821').verify('sam', '4821')).toMatchObject({ status: 'wrong' });
    expect(await new PinGuard({ hash: undefined, maxAttempts: 3, lockoutMs: 300_000, clock }).verify('sam', '4821')).toMatchObject({ status: 'unset', message: expect.stringContaining('hearth pin-hash') });
  });

  it('locks a person out after maxAttempts wrong PINs, refuses the right one until the lockout ends, then counts afresh', async () => {
    const clock = new ManualClock(1_000_000);
    const guard = guardAt(clock);
    expect(await guard.verify('sam', '1111')).toMatchObject({ status: 'wrong', attemptsLeft: 2 });
    expect(guard.verifySync('sam', '2222')).toMatchObject({ status: 'wrong', attemptsLeft: 1 });
    expect(await guard.verify('sam', '3333')).toEqual({
      status: 'wrong', attemptsLeft: 0, lockedUntil: 1_300_000, message: 'Too many wrong PINs: the PIN is locked for 5 minutes.',
    });
    expect(await guard.verify('sam', '4821')).toMatchObject({ status: 'locked', lockedUntil: 1_300_000 });
    clock.advance(299_000);
    expect(guard.verifySync('sam', '4821')).toEqual({ status: 'locked', lockedUntil: 1_300_000, message: 'Too many wrong PINs: the PIN is locked for a minute.' });
    // Someone else in the household is not locked out by sam's guesses.
    expect(await guard.verify('kim', '4821')).toEqual({ status: 'ok' });
    clock.advance(1_000);
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
});
