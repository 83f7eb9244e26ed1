/**
 * Slows down password guessing (household logins, MQTT CONNECTs): after a few wrong passwords for a user or from
 * an address, each further attempt for that key must wait, doubling up to a cap. A right password clears the count
 * of the keys the caller names.
 */
import type { Clock } from './clock.js';

export interface ThrottleOptions {
  /** Wrong passwords allowed before any waiting. */
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Keys remembered at most; the oldest are forgotten first, so a flood of addresses cannot grow memory. */
  maxKeys: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  freeAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxKeys: 10_000,
};

interface Entry {
  failures: number;
  blockedUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
  ) {}

  /** Milliseconds the caller must still wait before trying any of these keys; 0 when it may try now. */
  waitMs(keys: string[]): number {
    const now = this.clock.now();
    return Math.max(0, ...keys.map((k) => (this.entries.get(k)?.blockedUntil ?? 0) - now));
  }

  /** `freeAttempts` overrides the configured number for this failure (0: wait from this one on). */
  failed(keys: string[], freeAttempts = this.options.freeAttempts): void {
    const now = this.clock.now();
    for (const key of keys) {
      const entry = this.entries.get(key) ?? { failures: 0, blockedUntil: 0 };
      entry.failures++;
      const over = entry.failures - Math.min(freeAttempts, this.options.freeAttempts);
      if (over > 0)
        entry.blockedUntil = now + Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (over - 1));
      this.entries.delete(key); // re-insert: Map order is the eviction order
      this.entries.set(key, entry);
    }
    while (this.entries.size > this.options.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
  }

  succeeded(keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }
}
