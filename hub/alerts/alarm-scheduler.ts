/**
 * Alarms and reminders over time: each enabled alarm has a clock timer for its next ring; when it fires, the
 * next occurrence is written in the same transaction that marks this one rung, then the Ringer sounds it.
 * At start, an alarm that came due while the hub was down rings once (within `catchUpWithinMs`) and moves on.
 * A crash between the write and the ring loses that ring rather than repeating it (at most once).
 */
import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { Alarm, AlarmChange, AlarmInput, AlarmKind, RingFilter } from '../sdk/alarms.js';
import { HubError } from '../sdk/errors.js';
import { applyMigrations, type Db } from '../store/database.js';
import { clockText, dayStart, describeWhen, nextOccurrence, nextRing, timeOfDay } from './alarm-schedule.js';
import { AlarmStore, type AlarmRecord } from './alarm-store.js';
import type { AlertsConfig } from './config.js';
import { ALERTS_MODULE, alertsMigrations } from './migrations.js';
import type { RingEnd, Ringer } from './ringer.js';

export interface AlarmSchedulerDeps {
  db: Db;
  ringer: Ringer;
  clock: Clock;
  bus: EventBus<HubEvents>;
  log: Logger;
  config: Pick<AlertsConfig, 'snoozeMs' | 'catchUpWithinMs' | 'maxAlarms'>;
}

export class AlarmScheduler {
  private readonly store: AlarmStore;
  private readonly timers = new Map<string, TimerHandle>();
  private started = false;

  constructor(private readonly deps: AlarmSchedulerDeps) {
    this.store = new AlarmStore(deps.db);
  }

  async start(): Promise<void> {
    if (this.started) return;
    applyMigrations(this.deps.db, ALERTS_MODULE, alertsMigrations);
    this.started = true;
    const now = this.deps.clock.now();
    for (const record of this.store.list()) {
      if (!record.enabled) continue;
      const due = dueAt(record);
      if (due === undefined) {
        // A one-shot that rang just before the hub stopped: it has had its ring.
        this.store.delete(record.id);
      } else if (due <= now) {
        this.catchUp(record, now - due);
      } else this.arm(record);
    }
  }

  async stop(): Promise<void> {
    this.started = false;
    for (const handle of this.timers.values()) this.deps.clock.clearTimeout(handle);
    this.timers.clear();
  }

  set(input: AlarmInput): Alarm {
    if (this.store.count() >= this.deps.config.maxAlarms)
      throw new HubError(
        'CONFLICT',
        `${this.deps.config.maxAlarms} alarms and reminders are set already (alerts.maxAlarms): delete some first`,
      );
    const now = this.deps.clock.now();
    const days = [...(input.days ?? [])].sort((a, b) => a - b);
    if (input.at !== undefined && input.at <= now)
      throw new HubError('VALIDATION_FAILED', `that time has passed: ${new Date(input.at).toISOString()}`);
    const time = input.time ?? timeOfDay(input.at!);
    const record: AlarmRecord = {
      id: randomUUID(),
      kind: input.kind ?? 'alarm',
      time,
      days,
      enabled: true,
      nextAt: input.at ?? nextOccurrence(time, days, now),
      createdAt: now,
      ...pick(input, ['label', 'message', 'area', 'satellite', 'user']),
    };
    this.store.save(record, now);
    this.arm(record);
    this.deps.bus.emit('alarmsChanged', { alarmId: record.id, change: 'added' });
    return this.view(record);
  }

  get(id: string): Alarm | undefined {
    const record = this.store.get(id);
    return record ? this.view(record) : undefined;
  }

  list(filter: { kind?: AlarmKind; user?: string } = {}): Alarm[] {
    return this.store
      .list()
      .filter(
        (r) =>
          (filter.kind === undefined || r.kind === filter.kind) &&
          (filter.user === undefined || r.user === undefined || r.user === filter.user),
      )
      .map((r) => this.view(r));
  }

  update(id: string, change: AlarmChange): Alarm {
    const record = this.require(id);
    const now = this.deps.clock.now();
    if (change.at !== undefined && change.at <= now)
      throw new HubError('VALIDATION_FAILED', `that time has passed: ${new Date(change.at).toISOString()}`);
    for (const key of ['label', 'message', 'area'] as const) {
      const value = change[key];
      if (value === null) delete record[key];
      else if (value !== undefined) record[key] = value;
    }
    if (change.at !== undefined) {
      record.time = timeOfDay(change.at);
      record.days = [];
    }
    if (change.time) record.time = change.time;
    if (change.days) record.days = [...change.days].sort((a, b) => a - b);
    if (change.enabled !== undefined) record.enabled = change.enabled;
    const timing =
      change.at !== undefined || change.time !== undefined || change.days !== undefined || change.enabled === true;
    if (!record.enabled) {
      delete record.nextAt;
      delete record.snoozedUntil;
      this.deps.ringer.stopSource(id);
    } else if (timing) {
      record.nextAt = change.at ?? nextOccurrence(record.time, record.days, now);
      delete record.snoozedUntil;
    }
    if (change.skipDay === null) {
      delete record.skipDay;
      if (record.enabled) record.nextAt = nextOccurrence(record.time, record.days, now);
    } else if (change.skipDay !== undefined) {
      if (record.days.length === 0)
        throw new HubError(
          'VALIDATION_FAILED',
          'only a repeating alarm can skip a day; delete a one-time alarm instead',
        );
      record.skipDay = dayStart(change.skipDay);
      if (record.enabled) record.nextAt = nextRing(record.time, record.days, now, record.skipDay);
    }
    this.store.save(record, now);
    this.arm(record);
    this.deps.bus.emit('alarmsChanged', { alarmId: id, change: 'updated' });
    return this.view(record);
  }

  remove(id: string): void {
    this.require(id);
    this.disarm(id);
    this.store.delete(id);
    this.deps.ringer.stopSource(id);
    this.deps.bus.emit('alarmsChanged', { alarmId: id, change: 'removed' });
  }

  /** Alarms and reminders ringing there ring again in `ms`; returns them. */
  snooze(filter: RingFilter, ms = this.deps.config.snoozeMs): Alarm[] {
    const now = this.deps.clock.now();
    const snoozed: Alarm[] = [];
    for (const ring of this.deps.ringer.list(filter)) {
      if (ring.kind === 'timer') continue;
      const record = this.store.get(ring.sourceId);
      if (!record) continue;
      record.snoozedUntil = now + ms;
      this.store.save(record, now);
      this.deps.ringer.stopSource(record.id, 'snoozed');
      this.arm(record);
      snoozed.push(this.view(record));
    }
    return snoozed;
  }

  private catchUp(record: AlarmRecord, lateMs: number): void {
    if (lateMs <= this.deps.config.catchUpWithinMs) {
      this.deps.log.info({ alarm: record.id, lateMs }, 'alarm came due while the hub was down: ringing it now, once');
      this.fire(record.id);
      return;
    }
    this.deps.log.warn(
      { alarm: record.id, lateMs },
      'alarm came due long before the hub started: skipped (alerts.catchUpWithinMs)',
    );
    this.deps.bus.emit('notification', {
      message: `Missed ${record.kind === 'reminder' ? `reminder: ${record.message ?? 'no message'}` : `alarm at ${clockText(record.time)}`} (the hub was off).`,
      ...(record.area ? { area: record.area } : {}),
    });
    this.advance(record, this.deps.clock.now());
  }

  private fire(id: string): void {
    this.timers.delete(id);
    const now = this.deps.clock.now();
    const record = this.store.transaction(() => {
      const r = this.store.get(id);
      const due = r?.enabled ? dueAt(r) : undefined;
      if (!r || due === undefined || due > now) return undefined;
      if (r.snoozedUntil !== undefined && r.snoozedUntil <= now) delete r.snoozedUntil;
      else this.nextAfterRing(r, now);
      this.store.save(r, now);
      return r;
    });
    if (!record) {
      const still = this.store.get(id);
      if (still) this.arm(still);
      return;
    }
    this.arm(record);
    this.deps.ringer.ring(
      {
        kind: record.kind,
        sourceId: record.id,
        message: this.ringMessage(record, now),
        ...pick(record, ['area', 'satellite']),
      },
      (reason) => this.ringEnded(record.id, reason),
    );
  }

  /** A one-shot rings no more; a recurring one moves to its next day. */
  private nextAfterRing(record: AlarmRecord, now: number): void {
    if (record.days.length === 0) delete record.nextAt;
    else record.nextAt = nextRing(record.time, record.days, Math.max(now, record.nextAt ?? now), record.skipDay);
    if (record.skipDay !== undefined && record.skipDay + 86_400_000 < now) delete record.skipDay;
  }

  private advance(record: AlarmRecord, now: number): void {
    delete record.snoozedUntil;
    this.nextAfterRing(record, now);
    if (record.nextAt === undefined) {
      this.store.delete(record.id);
      this.deps.bus.emit('alarmsChanged', { alarmId: record.id, change: 'removed' });
      return;
    }
    this.store.save(record, now);
    this.arm(record);
  }

  private ringEnded(id: string, reason: RingEnd): void {
    if (reason === 'snoozed' || reason === 'removed') return;
    const record = this.store.get(id);
    // A one-shot that was stopped (or rang to the cap) is done.
    if (record && dueAt(record) === undefined && record.enabled) {
      this.store.delete(id);
      this.deps.bus.emit('alarmsChanged', { alarmId: id, change: 'removed' });
    }
  }

  private ringMessage(record: AlarmRecord, now: number): string {
    const whose = record.user ? ` for ${record.user}` : '';
    if (record.kind === 'reminder') return `Reminder${whose}: ${record.message ?? 'you asked me to remind you now'}.`;
    const name = record.label ? `your ${record.label} alarm` : 'your alarm';
    return `It's ${clockText(timeOfDay(now))}. This is ${name}${whose}.`;
  }

  private arm(record: AlarmRecord): void {
    this.disarm(record.id);
    if (!this.started || !record.enabled) return;
    const due = dueAt(record);
    if (due === undefined) return;
    // Long waits are re-checked daily rather than trusted to one timer (a suspended machine, clock changes).
    const delay = Math.min(Math.max(0, due - this.deps.clock.now()), 24 * 3600 * 1000);
    this.timers.set(
      record.id,
      this.deps.clock.setTimeout(() => this.fire(record.id), delay),
    );
  }

  private disarm(id: string): void {
    const handle = this.timers.get(id);
    if (handle) this.deps.clock.clearTimeout(handle);
    this.timers.delete(id);
  }

  private require(id: string): AlarmRecord {
    const record = this.store.get(id);
    if (!record) throw new HubError('NOT_FOUND', `no alarm "${id}": list them with GET /api/v1/alarms`);
    return record;
  }

  private view(record: AlarmRecord): Alarm {
    const now = this.deps.clock.now();
    const next = dueAt(record);
    const alarm: Alarm = {
      id: record.id,
      kind: record.kind,
      time: { ...record.time },
      days: [...record.days],
      enabled: record.enabled,
      ringing: this.deps.ringer.list().some((r) => r.sourceId === record.id),
      description: describeWhen(record.time, record.days, record.nextAt, now),
      createdAt: record.createdAt,
      ...pick(record, ['label', 'message', 'area', 'satellite', 'user', 'snoozedUntil', 'skipDay']),
    };
    if (next !== undefined && record.enabled) alarm.nextAt = next;
    return alarm;
  }
}

/** When it rings next: a snooze first, else its next occurrence. */
function dueAt(record: AlarmRecord): number | undefined {
  return record.snoozedUntil ?? record.nextAt;
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}
