import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import { DEVICE_ID_PATTERN, HubError } from '../sdk/index.js';
import { applyMigrations, type Db } from '../store/database.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { CredentialService, DeviceCredential, IssuedCredential } from './contracts.js';
import { mqttMigrations } from './migrations.js';
import {
  deviceSecretMatches,
  generateDeviceSecret,
  hashDeviceSecret,
  isScryptHash,
  newHashKey,
} from './device-secret.js';
import { verifyPassword, verifyPasswordAsync } from './password-hash.js';
import { DEFAULT_SLOW_CHECKS, SlowCheckQueue, type SlowCheckQueueOptions } from './slow-check-queue.js';
import { extraTopicProblem } from './access-control.js';

const deviceIdSchema = z.string().regex(DEVICE_ID_PATTERN, 'must be lowercase letters, digits, "-" or "_" (max 64)');

/** Extra topic filters granted to one device: at most 16, each inside the device's own trees (extraTopicProblem). */
function extraTopicsSchema(deviceId: string) {
  return z
    .array(
      z
        .string()
        .min(1)
        .max(256)
        .superRefine((filter, ctx) => {
          const problem = extraTopicProblem(deviceId, filter);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    )
    .max(16);
}

interface CredentialRow {
  device_id: string;
  password_hash: string;
  extra_topics: string;
  created_at: string;
}

function toCredential(row: CredentialRow): DeviceCredential {
  return {
    deviceId: row.device_id,
    username: row.device_id,
    extraTopics: JSON.parse(row.extra_topics) as string[],
    createdAt: row.created_at,
  };
}

/**
 * Device credentials in the hub database. Secrets are generated here and stored as HMAC-SHA256 under the hub's
 * key (device-secret.ts), so a check costs microseconds; scrypt hashes left by older hubs still work, checked
 * through the bounded SlowCheckQueue, and are rewritten as HMAC on the first success.
 */
export class SqliteCredentialService implements CredentialService {
  private migrated = false;
  private key: Buffer | undefined;
  private rowStatement: Statement | undefined;
  readonly slowChecks: SlowCheckQueue;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
    slowChecks: SlowCheckQueueOptions = DEFAULT_SLOW_CHECKS,
  ) {
    this.slowChecks = new SlowCheckQueue(slowChecks);
  }

  create(deviceId: string, options: { extraTopics?: string[] } = {}): IssuedCredential {
    const id = parseOrThrow(deviceIdSchema, deviceId, 'deviceId');
    const extraTopics = parseOrThrow(extraTopicsSchema(id), options.extraTopics ?? [], 'extraTopics');
    const password = generateDeviceSecret();
    const createdAt = new Date(this.clock.now()).toISOString();
    this.ready()
      .prepare(
        `INSERT INTO mqtt_credentials (device_id, password_hash, extra_topics, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(device_id) DO UPDATE SET password_hash = excluded.password_hash,
           extra_topics = excluded.extra_topics, created_at = excluded.created_at`,
      )
      .run(id, hashDeviceSecret(password, this.hashKey()), JSON.stringify(extraTopics), createdAt);
    return { deviceId: id, username: id, extraTopics, createdAt, password };
  }

  list(): DeviceCredential[] {
    const rows = this.ready().prepare('SELECT * FROM mqtt_credentials ORDER BY device_id').all() as CredentialRow[];
    return rows.map(toCredential);
  }

  get(deviceId: string): DeviceCredential | undefined {
    const row = this.row(deviceId);
    return row ? toCredential(row) : undefined;
  }

  revoke(deviceId: string): void {
    this.ready().prepare('DELETE FROM mqtt_credentials WHERE device_id = ?').run(deviceId);
  }

  verify(username: string, password: string): boolean {
    const row = this.row(username);
    if (!row || !isScryptHash(row.password_hash))
      return deviceSecretMatches(password, row?.password_hash ?? '', this.hashKey());
    return verifyPassword(password, row.password_hash) && this.upgrade(row, password);
  }

  /**
   * verify() for the broker's CONNECTs: an HMAC check at once; an old scrypt hash through the slow-check queue,
   * which rejects with TOO_MANY_REQUESTS when full and leaves it when `signal` aborts (the client hung up).
   */
  async verifyAsync(username: string, password: string, signal?: AbortSignal): Promise<boolean> {
    const row = this.row(username);
    if (!row || !isScryptHash(row.password_hash))
      return deviceSecretMatches(password, row?.password_hash ?? '', this.hashKey());
    const ok = await this.slowChecks.run(() => verifyPasswordAsync(password, row.password_hash), signal);
    return ok && this.upgrade(row, password);
  }

  /** Rewrites a verified scrypt hash as HMAC, unless the credential changed meanwhile (then the check fails). */
  private upgrade(row: CredentialRow, password: string): boolean {
    const changed = this.ready()
      .prepare('UPDATE mqtt_credentials SET password_hash = ? WHERE device_id = ? AND password_hash = ?')
      .run(hashDeviceSecret(password, this.hashKey()), row.device_id, row.password_hash).changes;
    return changed === 1;
  }

  /** Asked for every CONNECT (a flood included), so prepared once. */
  private row(deviceId: string): CredentialRow | undefined {
    this.rowStatement ??= this.ready().prepare('SELECT * FROM mqtt_credentials WHERE device_id = ?');
    return this.rowStatement.get(deviceId) as CredentialRow | undefined;
  }

  /** The hub's HMAC key: made once per database, shared by every process that opens it (the CLI, tests). */
  private hashKey(): Buffer {
    if (!this.key) {
      const db = this.ready();
      db.prepare('INSERT OR IGNORE INTO mqtt_hash_key (id, key) VALUES (1, ?)').run(newHashKey());
      this.key = db.prepare('SELECT key FROM mqtt_hash_key WHERE id = 1').pluck().get() as Buffer;
    }
    return this.key;
  }

  /** Migrations run on first use, so the constructor stays free of I/O. */
  private ready(): Db {
    if (!this.migrated) {
      applyMigrations(this.db, 'mqtt', mqttMigrations);
      this.migrated = true;
    }
    return this.db;
  }
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${[field, ...i.path].join('.')}: ${i.message}`).join('; ');
  throw new HubError('VALIDATION_FAILED', `Invalid MQTT credential request: ${problems}. Fix the value and retry.`, {
    issues: result.error.issues.map((i) => ({ path: [field, ...i.path], message: i.message })),
  });
}
