/**
 * Users' passwords and the sessions they open. Passwords are scrypt hashes (hub/mqtt/password-hash.ts);
 * a session token is 32 random bytes handed out once and kept only as its SHA-256, with an expiry.
 * Who a user is (name, role) is read live from the household's users, so a role change or a removed
 * user takes effect on the next request.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { decoyHash, hashPassword, verifyPasswordAsync } from '../../mqtt/password-hash.js';
import { HubError } from '../../sdk/errors.js';
import { applyMigrations, type Db } from '../../store/database.js';
import { LoginThrottle, type ThrottleOptions } from '../../core/login-throttle.js';
import { sessionMigrations } from './migrations.js';

export interface HouseholdUser {
  id: string;
  name: string;
  role: 'adult' | 'child';
}

export interface Session {
  token: string;
  expiresAt: number;
  user: HouseholdUser;
}

export interface SessionStoreDeps {
  db: Db;
  clock: Clock;
  /** The household's users as they are now (commerce settings). */
  user(id: string): HouseholdUser | undefined;
  ttlMs?: number;
  throttle?: ThrottleOptions;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 3600_000;
export const MIN_PASSWORD_LENGTH = 8;

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export class SessionStore {
  private readonly throttle: LoginThrottle;
  private readonly ttlMs: number;

  constructor(private readonly deps: SessionStoreDeps) {
    this.throttle = new LoginThrottle(deps.clock, deps.throttle);
    this.ttlMs = deps.ttlMs ?? DEFAULT_SESSION_TTL_MS;
  }

  start(): void {
    applyMigrations(this.deps.db, 'api-sessions', sessionMigrations);
    this.deps.db.prepare('DELETE FROM api_sessions WHERE expires_at < ?').run(this.deps.clock.now());
  }

  /** `keepToken`: the session of a user changing their own password stays open. */
  setPassword(userId: string, password: string, keepToken?: string): void {
    if (!this.deps.user(userId))
      throw new HubError('NOT_FOUND', `No user "${userId}"; add the user in the settings first.`);
    if (password.length < MIN_PASSWORD_LENGTH)
      throw new HubError('VALIDATION_FAILED', `password: use at least ${MIN_PASSWORD_LENGTH} characters.`, [
        { path: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
      ]);
    const { db, clock } = this.deps;
    db.transaction(() => {
      db.prepare(`INSERT INTO api_user_passwords (user_id, hash, updated_at) VALUES (?, ?, ?)
        ON CONFLICT(user_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at`).run(
        userId,
        hashPassword(password),
        clock.now(),
      );
      // A new password ends the sessions opened with the old one.
      db.prepare('DELETE FROM api_sessions WHERE user_id = ? AND token_hash != ?').run(
        userId,
        keepToken === undefined ? '' : digest(keepToken),
      );
    })();
  }

  /** After users were removed: their passwords and sessions go, so a later user with the same id starts clean. */
  forgetUsersExcept(keep: readonly string[]): void {
    const { db } = this.deps;
    const known = new Set(keep);
    const stale = (
      db
        .prepare('SELECT user_id FROM api_user_passwords UNION SELECT user_id FROM api_sessions')
        .pluck()
        .all() as string[]
    ).filter((id) => !known.has(id));
    db.transaction(() => {
      for (const id of stale) {
        db.prepare('DELETE FROM api_user_passwords WHERE user_id = ?').run(id);
        db.prepare('DELETE FROM api_sessions WHERE user_id = ?').run(id);
      }
    })();
  }

  hasPassword(userId: string): boolean {
    return this.deps.db.prepare('SELECT 1 FROM api_user_passwords WHERE user_id = ?').get(userId) !== undefined;
  }

  /** Checks the password (throttled per user and per address) and opens a session. */
  async login(userId: string, password: string, address: string): Promise<Session> {
    const keys = [`user:${userId}`, `ip:${address}`];
    const waitMs = this.throttle.waitMs(keys);
    if (waitMs > 0)
      throw new HubError('TOO_MANY_REQUESTS', `Too many wrong passwords; try again in ${Math.ceil(waitMs / 1000)} s.`, {
        retryAfterMs: waitMs,
      });
    const user = this.deps.user(userId);
    const stored = user
      ? (this.deps.db.prepare('SELECT hash FROM api_user_passwords WHERE user_id = ?').pluck().get(userId) as
          | string
          | undefined)
      : undefined;
    // Unknown users and users without a password cost the same scrypt as a wrong password, so timing does not tell them apart.
    const ok = await verifyPasswordAsync(password, stored ?? decoyHash());
    if (!ok || !user || stored === undefined) {
      this.throttle.failed(keys);
      throw new HubError(
        'UNAUTHORIZED',
        'Wrong user or password. Users get a password in Settings (or log in with the API token).',
      );
    }
    this.throttle.succeeded(keys);
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.clock.now();
    const expiresAt = now + this.ttlMs;
    this.deps.db
      .prepare('INSERT INTO api_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(digest(token), userId, now, expiresAt);
    return { token, expiresAt, user: { id: user.id, name: user.name, role: user.role } };
  }

  /** The user a session token belongs to; undefined for unknown, expired or revoked tokens and removed users. */
  lookup(token: string): { user: HouseholdUser; expiresAt: number } | undefined {
    const row = this.deps.db
      .prepare('SELECT user_id, expires_at FROM api_sessions WHERE token_hash = ?')
      .get(digest(token)) as { user_id: string; expires_at: number } | undefined;
    if (!row || row.expires_at < this.deps.clock.now()) return undefined;
    const user = this.deps.user(row.user_id);
    return user ? { user, expiresAt: row.expires_at } : undefined;
  }

  revoke(token: string): boolean {
    return this.deps.db.prepare('DELETE FROM api_sessions WHERE token_hash = ?').run(digest(token)).changes > 0;
  }
}
