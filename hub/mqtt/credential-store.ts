import { z } from 'zod';
import { DEVICE_ID_PATTERN, HubError } from '../sdk/index.js';
import { applyMigrations, type Db } from '../store/database.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { CredentialService, DeviceCredential, IssuedCredential } from './contracts.js';
import { mqttMigrations } from './migrations.js';
import { decoyHash, generatePassword, hashPassword, verifyPassword, verifyPasswordAsync } from './password-hash.js';
import { extraTopicProblem } from './access-control.js';
import { VerifiedPasswordCache } from './verified-password-cache.js';

const deviceIdSchema = z.string().regex(DEVICE_ID_PATTERN, 'must be lowercase letters, digits, "-" or "_" (max 64)');

/** Extra topic filters granted to one device: at most 16, each inside the device's own trees (extraTopicProblem). */
function extraTopicsSchema(deviceId: string) {
  return z
    .array(
      z.string().min(1).max(256).superRefine((filter, ctx) => {
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
 * Device credentials in the hub database; only scrypt hashes are stored. A password verified once is
 * remembered in memory (verified-password-cache.ts), so reconnects skip scrypt until the credential changes.
 */
export class SqliteCredentialService implements CredentialService {
  private migrated = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
    readonly verifiedCache = new VerifiedPasswordCache(),
  ) {}

  create(deviceId: string, options: { extraTopics?: string[] } = {}): IssuedCredential {
    const id = parseOrThrow(deviceIdSchema, deviceId, 'deviceId');
    const extraTopics = parseOrThrow(extraTopicsSchema(id), options.extraTopics ?? [], 'extraTopics');
    const password = generatePassword();
    const createdAt = new Date(this.clock.now()).toISOString();
    this.ready()
      .prepare(
        `INSERT INTO mqtt_credentials (device_id, password_hash, extra_topics, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(device_id) DO UPDATE SET password_hash = excluded.password_hash,
           extra_topics = excluded.extra_topics, created_at = excluded.created_at`,
      )
      .run(id, hashPassword(password), JSON.stringify(extraTopics), createdAt);
    this.verifiedCache.forget(id);
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
    this.verifiedCache.forget(deviceId);
  }

  verify(username: string, password: string): boolean {
    const row = this.row(username);
    if (row && this.verifiedCache.matches(username, password, row.password_hash)) return true;
    const ok = verifyPassword(password, row?.password_hash ?? decoyHash());
    return this.verified(ok, row, username, password);
  }

  /** verify() off the event loop; the embedded broker uses this for every CONNECT. */
  async verifyAsync(username: string, password: string): Promise<boolean> {
    const row = this.row(username);
    if (row && this.verifiedCache.matches(username, password, row.password_hash)) return true;
    const ok = await verifyPasswordAsync(password, row?.password_hash ?? decoyHash());
    // Re-read: the credential may have been replaced or revoked while scrypt ran on the thread pool.
    return this.verified(ok, ok ? this.row(username) : row, username, password, row?.password_hash);
  }

  private verified(ok: boolean, row: CredentialRow | undefined, username: string, password: string, checkedHash = row?.password_hash): boolean {
    if (!ok || !row || row.password_hash !== checkedHash) return false;
    this.verifiedCache.remember(username, password, row.password_hash);
    return true;
  }

  private row(deviceId: string): CredentialRow | undefined {
    return this.ready().prepare('SELECT * FROM mqtt_credentials WHERE device_id = ?').get(deviceId) as
      | CredentialRow
      | undefined;
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
