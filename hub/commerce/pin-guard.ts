/**
 * The household PIN (`commerce.pin`): one scrypt hash for purchases and for unlocking by voice. Wrong attempts are
 * counted per person across every dialog and both uses; after `maxAttempts` in a row the PIN is refused, even the
 * right one, until `lockoutMs` has passed. Kept in memory: a restart forgets the count.
 */
import type { Clock } from '../core/clock.js';
import { verifyPassword, verifyPasswordAsync } from '../mqtt/password-hash.js';
import type { PinCheck, PinPort } from '../sdk/pin-port.js';

export interface PinGuardOptions {
  /** `hearth pin-hash` output; undefined when the household has no PIN. */
  hash: string | undefined;
  maxAttempts: number;
  lockoutMs: number;
  clock: Clock;
}

interface Attempts {
  /** Wrong attempts in a row, plus checks still running (reserved so parallel guesses cannot exceed the limit). */
  tried: number;
  lockedUntil?: number;
}

/** More people than any household has: a flood of made-up names cannot grow the table without bound. */
const MAX_TRACKED = 1000;
const ANYONE = '';

export class PinGuard implements PinPort {
  private readonly attempts = new Map<string, Attempts>();

  constructor(private readonly options: PinGuardOptions) {}

  get isSet(): boolean {
    return this.options.hash !== undefined;
  }

  /** On the libuv pool: for skills (`ctx.verifyPin`). */
  async verify(user: string | undefined, pin: string): Promise<PinCheck> {
    const begun = this.begin(user);
    if ('status' in begun) return begun;
    return this.finish(user, begun, await verifyPasswordAsync(pin, this.options.hash!));
  }

  /** Blocking (~35 ms): the purchase policy checks inside the SQLite transaction that writes the order. */
  verifySync(user: string | undefined, pin: string): PinCheck {
    const begun = this.begin(user);
    if ('status' in begun) return begun;
    return this.finish(user, begun, verifyPassword(pin, this.options.hash!));
  }

  private begin(user: string | undefined): PinCheck | Attempts {
    if (!this.options.hash) return { status: 'unset', message: 'No household PIN is set; an adult can set one with `hearth pin-hash` (commerce.pin.hash).' };
    const key = user ?? ANYONE;
    const now = this.options.clock.now();
    let entry = this.attempts.get(key);
    if (entry?.lockedUntil !== undefined && now >= entry.lockedUntil) {
      this.attempts.delete(key);
      entry = undefined;
    }
    if (entry?.lockedUntil !== undefined) return { status: 'locked', lockedUntil: entry.lockedUntil, message: this.lockedMessage(entry.lockedUntil - now) };
    if (!entry) {
      if (this.attempts.size >= MAX_TRACKED) this.attempts.delete(this.attempts.keys().next().value!);
      entry = { tried: 0 };
      this.attempts.set(key, entry);
    }
    if (entry.tried >= this.options.maxAttempts) return this.lock(entry, now);
    entry.tried += 1;
    return entry;
  }

  private finish(user: string | undefined, entry: Attempts, right: boolean): PinCheck {
    if (right && entry.lockedUntil === undefined) {
      this.attempts.delete(user ?? ANYONE);
      return { status: 'ok' };
    }
    if (entry.lockedUntil !== undefined) return { status: 'locked', lockedUntil: entry.lockedUntil, message: this.lockedMessage(entry.lockedUntil - this.options.clock.now()) };
    const attemptsLeft = Math.max(0, this.options.maxAttempts - entry.tried);
    if (attemptsLeft > 0) return { status: 'wrong', attemptsLeft, message: `That PIN is wrong; ${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left.` };
    const { lockedUntil } = this.lock(entry, this.options.clock.now());
    return { status: 'wrong', attemptsLeft: 0, lockedUntil, message: this.lockedMessage(this.options.lockoutMs) };
  }

  private lock(entry: Attempts, now: number): Extract<PinCheck, { status: 'locked' }> {
    entry.lockedUntil = now + this.options.lockoutMs;
    return { status: 'locked', lockedUntil: entry.lockedUntil, message: this.lockedMessage(this.options.lockoutMs) };
  }

  private lockedMessage(remainingMs: number): string {
    const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
    return `Too many wrong PINs: the PIN is locked for ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`;
  }
}
