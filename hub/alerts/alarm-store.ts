/** Alarms and reminders in SQLite (`alarms` table, hub/alerts/migrations.ts). */
import type { Alarm, AlarmKind } from '../sdk/alarms.js';
import type { Db } from '../store/database.js';
import { daysToMask, maskToDays } from './alarm-schedule.js';

/** One alarm as stored: an Alarm without what is worked out when it is shown (`ringing`, `description`). */
export type AlarmRecord = Omit<Alarm, 'ringing' | 'description'>;

interface Row {
  id: string;
  kind: AlarmKind;
  hour: number;
  minute: number;
  days: number;
  label: string | null;
  message: string | null;
  area: string | null;
  satellite: string | null;
  user: string | null;
  enabled: number;
  next_at: number | null;
  snoozed_until: number | null;
  skip_day: number | null;
  created_at: number;
}

export class AlarmStore {
  constructor(private readonly db: Db) {}

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM alarms').pluck().get() as number;
  }

  get(id: string): AlarmRecord | undefined {
    const row = this.db.prepare('SELECT * FROM alarms WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Soonest first; those that will not ring again last. */
  list(): AlarmRecord[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM alarms ORDER BY COALESCE(snoozed_until, next_at) IS NULL, COALESCE(snoozed_until, next_at), created_at',
      )
      .all() as Row[];
    return rows.map(fromRow);
  }

  /** Inserts or replaces the whole record. */
  save(record: AlarmRecord, now: number): void {
    this.db
      .prepare(
        `INSERT INTO alarms (id, kind, hour, minute, days, label, message, area, satellite, user, enabled, next_at, snoozed_until, skip_day, created_at, updated_at)
         VALUES (@id, @kind, @hour, @minute, @days, @label, @message, @area, @satellite, @user, @enabled, @next_at, @snoozed_until, @skip_day, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, hour = excluded.hour, minute = excluded.minute, days = excluded.days,
           label = excluded.label, message = excluded.message, area = excluded.area, satellite = excluded.satellite, user = excluded.user,
           enabled = excluded.enabled, next_at = excluded.next_at, snoozed_until = excluded.snoozed_until, skip_day = excluded.skip_day, updated_at = excluded.updated_at`,
      )
      .run({ ...toRow(record), updated_at: now });
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM alarms WHERE id = ?').run(id).changes > 0;
  }

  /** Runs `work` in one transaction, so a ring is recorded together with the alarm's next time. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}

function fromRow(row: Row): AlarmRecord {
  const record: AlarmRecord = {
    id: row.id,
    kind: row.kind,
    time: { hour: row.hour, minute: row.minute },
    days: maskToDays(row.days),
    enabled: row.enabled === 1,
    createdAt: row.created_at,
  };
  if (row.label !== null) record.label = row.label;
  if (row.message !== null) record.message = row.message;
  if (row.area !== null) record.area = row.area;
  if (row.satellite !== null) record.satellite = row.satellite;
  if (row.user !== null) record.user = row.user;
  if (row.next_at !== null) record.nextAt = row.next_at;
  if (row.snoozed_until !== null) record.snoozedUntil = row.snoozed_until;
  if (row.skip_day !== null) record.skipDay = row.skip_day;
  return record;
}

function toRow(r: AlarmRecord): Omit<Row, never> {
  return {
    id: r.id,
    kind: r.kind,
    hour: r.time.hour,
    minute: r.time.minute,
    days: daysToMask(r.days),
    label: r.label ?? null,
    message: r.message ?? null,
    area: r.area ?? null,
    satellite: r.satellite ?? null,
    user: r.user ?? null,
    enabled: r.enabled ? 1 : 0,
    next_at: r.nextAt ?? null,
    snoozed_until: r.snoozedUntil ?? null,
    skip_day: r.skipDay ?? null,
    created_at: r.createdAt,
  };
}
