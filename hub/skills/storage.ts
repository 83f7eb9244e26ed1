import type { Db } from '../store/database.js';
import type { Clock } from '../core/clock.js';
import { HubError } from '../sdk/errors.js';

const MAX_KEY = 200;
const MAX_VALUE_BYTES = 256 * 1024;
const MAX_KEYS_PER_SKILL = 10_000;

/** Per-skill key/value storage in SQLite. The skill id is always supplied by the hub, never by the skill. */
export class SkillStorageStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  get(skillId: string, key: string): unknown {
    checkKey(key);
    const row = this.db.prepare('SELECT value FROM skill_storage WHERE skill_id = ? AND key = ?').get(skillId, key) as
      | { value: string }
      | undefined;
    return row ? JSON.parse(row.value) : undefined;
  }

  set(skillId: string, key: string, value: unknown): void {
    checkKey(key);
    if (value === undefined) return this.delete(skillId, key);
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      throw new HubError('VALIDATION_FAILED', `storage value for "${key}" is not JSON-serialisable: store plain data`);
    }
    if (Buffer.byteLength(json) > MAX_VALUE_BYTES)
      throw new HubError(
        'PAYLOAD_TOO_LARGE',
        `storage value for "${key}" exceeds ${MAX_VALUE_BYTES} bytes: store less per key`,
      );
    const count = this.db
      .prepare('SELECT count(*) FROM skill_storage WHERE skill_id = ?')
      .pluck()
      .get(skillId) as number;
    if (count >= MAX_KEYS_PER_SKILL && this.get(skillId, key) === undefined)
      throw new HubError(
        'PAYLOAD_TOO_LARGE',
        `skill "${skillId}" already stores ${MAX_KEYS_PER_SKILL} keys: delete some first`,
      );
    this.db
      .prepare(
        `INSERT INTO skill_storage (skill_id, key, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (skill_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(skillId, key, json, this.clock.now());
  }

  delete(skillId: string, key: string): void {
    checkKey(key);
    this.db.prepare('DELETE FROM skill_storage WHERE skill_id = ? AND key = ?').run(skillId, key);
  }

  keys(skillId: string): string[] {
    return this.db
      .prepare('SELECT key FROM skill_storage WHERE skill_id = ? ORDER BY key')
      .pluck()
      .all(skillId) as string[];
  }

  clear(skillId: string): void {
    this.db.prepare('DELETE FROM skill_storage WHERE skill_id = ?').run(skillId);
  }
}

function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY)
    throw new HubError('VALIDATION_FAILED', `storage keys are strings of 1-${MAX_KEY} characters`);
}
