import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Passwords already verified with scrypt, remembered as an HMAC under a key that exists only in this process,
 * so a device reconnecting with the same password costs one HMAC instead of ~35 ms of scrypt (1,000 devices
 * reconnecting after a Wi-Fi outage: milliseconds instead of tens of seconds of CPU).
 *
 * An entry is bound to the stored hash it was verified against: a replaced credential (new hash) or a revoked
 * one (no stored hash) never matches, even if the database was changed behind the service's back. A wrong
 * password never matches either and still goes through scrypt, so guessing is not made any cheaper.
 */
export class VerifiedPasswordCache {
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, { storedHash: string; mac: Buffer }>();
  private hitCount = 0;

  /** Beyond `maxEntries` the oldest entry is dropped (a Map iterates in insertion order). */
  constructor(private readonly maxEntries = 100_000) {}

  /** True only if this exact password was verified against this exact stored hash. */
  matches(username: string, password: string, storedHash: string): boolean {
    const entry = this.entries.get(username);
    if (!entry || entry.storedHash !== storedHash) return false;
    const ok = timingSafeEqual(entry.mac, this.mac(username, password));
    if (ok) this.hitCount++;
    return ok;
  }

  remember(username: string, password: string, storedHash: string): void {
    this.entries.delete(username);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(username, { storedHash, mac: this.mac(username, password) });
  }

  forget(username: string): void {
    this.entries.delete(username);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Verifications answered from the cache (for tests and diagnostics). */
  get hits(): number {
    return this.hitCount;
  }

  private mac(username: string, password: string): Buffer {
    return createHmac('sha256', this.key).update(username).update('\u0000').update(password).digest();
  }
}
