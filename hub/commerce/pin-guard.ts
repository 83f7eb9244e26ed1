/**
 * The household PIN (`commerce.pin`): one scrypt hash for purchases and for unlocking by voice. Wrong attempts are
 * counted per person across every dialog and both uses; after `maxAttempts` in a row the PIN is refused, even the
 * right one, until `lockoutMs` has passed. The count and the lockout end live in SQLite (`commerce_pin_attempts`),
 * so restarting or crashing the hub does not lift a lockout.
 */
import type { Clock } from '../core/clock.js';
import { verifyPasswordAsync } from '../mqtt/password-hash.js';
import type { PinCheck, PinPort } from '../sdk/pin-port.js';
import type { Db } from '../store/database.js';
import { personAsking } from './identity.js';

export interface PinGuardOptions {
  /** Holds `commerce_pin_attempts` (commerce migration 2, applied by CommerceService.start before any check). */
  db: Db;
  /** `hearth pin-hash` output; undefined when the household has no PIN. */
  hash: string | undefined;
  maxAttempts: number;
  lockoutMs: number;
  clock: Clock;
  /** Whose attempts count when nobody said who they are (`commerce.defaultUser`), as for purchases. */
  defaultUser?: string;
}

interface Row {
  failures: number;
  locked_until: number | null;
}

/** More people than any household has: a flood of made-up names cannot grow the table without bound. */
const MAX_TRACKED = 1000;
/** Nobody said who they are and there is no default user. */
const ANYONE = '';

export class PinGuard implements PinPort {
  constructor(private readonly options: PinGuardOptions) {}

  /** scrypt runs on the libuv pool; the count is read and written in short SQLite transactions around it. */
  async verify(user: string | undefined, pin: string): Promise<PinCheck> {
    const person = this.person(user);
    const begun = this.begin(person);
    if (begun) return begun;
    const right = await verifyPasswordAsync(pin, this.options.hash!);
    return this.finish(person, right);
  }

  /** When the person's lockout ends (epoch ms), or undefined when they may enter the PIN. */
  lockedUntil(user: string | undefined): number | undefined {
    const until = this.row(this.person(user))?.locked_until ?? undefined;
    return until !== undefined && this.options.clock.now() < until ? until : undefined;
  }

  private person(user: string | undefined): string {
    return personAsking(user, this.options.defaultUser) ?? ANYONE;
  }

  /**
   * Counts the attempt as wrong before checking it: guesses made at the same time then cannot exceed the limit,
   * and a crash during the check leaves it counted. The right PIN clears the count in `finish`.
   */
  private begin(person: string): PinCheck | undefined {
    if (!this.options.hash)
      return {
        status: 'unset',
        message: 'No household PIN is set; an adult can set one with `hearth pin-hash` (commerce.pin.hash).',
      };
    const { db, clock, maxAttempts } = this.options;
    return db.transaction((): PinCheck | undefined => {
      const now = clock.now();
      let row = this.row(person);
      if (row?.locked_until != null && now >= row.locked_until) {
        db.prepare('DELETE FROM commerce_pin_attempts WHERE person = ?').run(person);
        row = undefined;
      }
      if (row?.locked_until != null) return this.locked(row.locked_until, now);
      if (row && row.failures >= maxAttempts) return this.lock(person, now);
      if (!row) this.makeRoom();
      db.prepare(`INSERT INTO commerce_pin_attempts (person, failures, updated_at) VALUES (?, 1, ?)
        ON CONFLICT (person) DO UPDATE SET failures = failures + 1, updated_at = excluded.updated_at`).run(person, now);
      return undefined;
    })();
  }

  private finish(person: string, right: boolean): PinCheck {
    const { db, clock, maxAttempts, lockoutMs } = this.options;
    return db.transaction((): PinCheck => {
      const now = clock.now();
      const row = this.row(person);
      // Another guess locked the PIN while this one was being checked: the lockout wins, even over the right PIN.
      if (row?.locked_until != null) return this.locked(row.locked_until, now);
      if (right) {
        db.prepare('DELETE FROM commerce_pin_attempts WHERE person = ?').run(person);
        return { status: 'ok' };
      }
      // No row: the right PIN, checked at the same time, cleared the count; this wrong one still counts.
      if (!row)
        db.prepare('INSERT INTO commerce_pin_attempts (person, failures, updated_at) VALUES (?, 1, ?)').run(
          person,
          now,
        );
      const failures = row?.failures ?? 1;
      const attemptsLeft = Math.max(0, maxAttempts - failures);
      if (attemptsLeft > 0)
        return {
          status: 'wrong',
          attemptsLeft,
          message: `That PIN is wrong; ${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left.`,
        };
      const { lockedUntil } = this.lock(person, now);
      return { status: 'wrong', attemptsLeft: 0, lockedUntil, message: lockedMessage(lockoutMs) };
    })();
  }

  private row(person: string): Row | undefined {
    return this.options.db
      .prepare('SELECT failures, locked_until FROM commerce_pin_attempts WHERE person = ?')
      .get(person) as Row | undefined;
  }

  private lock(person: string, now: number): Extract<PinCheck, { status: 'locked' }> {
    const lockedUntil = now + this.options.lockoutMs;
    this.options.db
      .prepare('UPDATE commerce_pin_attempts SET locked_until = ?, updated_at = ? WHERE person = ?')
      .run(lockedUntil, now, person);
    return this.locked(lockedUntil, now);
  }

  private locked(lockedUntil: number, now: number): Extract<PinCheck, { status: 'locked' }> {
    return { status: 'locked', lockedUntil, message: lockedMessage(lockedUntil - now) };
  }

  /** Forgets the person least worth keeping (not locked out, oldest first) once the table is full. */
  private makeRoom(): void {
    const { db } = this.options;
    if ((db.prepare('SELECT COUNT(*) FROM commerce_pin_attempts').pluck().get() as number) < MAX_TRACKED) return;
    db.prepare(`DELETE FROM commerce_pin_attempts WHERE person =
      (SELECT person FROM commerce_pin_attempts ORDER BY locked_until IS NOT NULL, updated_at LIMIT 1)`).run();
  }
}

/** What a person hears while the PIN is locked for another `remainingMs`. */
export function lockedMessage(remainingMs: number): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return `Too many wrong PINs: the PIN is locked for ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`;
}
