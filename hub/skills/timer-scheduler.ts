import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../store/database.js';
import { HubError } from '../sdk/errors.js';
import type { SkillTimer } from '../sdk/skill.js';

interface TimerRow {
  id: string;
  skill_id: string;
  name: string | null;
  area: string | null;
  satellite: string | null;
  message: string;
  duration_ms: number;
  due_at: number | null;
  remaining_ms: number;
  paused: number;
}

const MAX_DURATION_MS = 366 * 24 * 3600 * 1000;

/** Where a finished timer rings (hub/alerts); without it a finished timer is only a `notification` event. */
export interface TimerRinging {
  timerDone(timer: { id: string; message: string; area?: string; satellite?: string }): void;
  timerRemoved(id: string): void;
}

/**
 * Timers kept in SQLite so they survive a restart. When one is due the hub forgets it, emits a `notification`
 * in the area that set it, and rings it on the satellite that set it (or in its area) until stopped.
 */
export class TimerScheduler {
  private readonly handles = new Map<string, TimerHandle>();
  private started = false;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus<HubEvents>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly ringing?: TimerRinging,
  ) {}

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const rows = this.db.prepare('SELECT * FROM skill_timers WHERE paused = 0').all() as TimerRow[];
    for (const row of rows) this.arm(row);
  }

  async stop(): Promise<void> {
    this.started = false;
    for (const handle of this.handles.values()) this.clock.clearTimeout(handle);
    this.handles.clear();
  }

  create(
    skillId: string,
    input: { durationMs: number; message: string; name?: string; area?: string; satellite?: string },
  ): SkillTimer {
    if (!Number.isFinite(input.durationMs) || input.durationMs <= 0 || input.durationMs > MAX_DURATION_MS)
      throw new HubError('VALIDATION_FAILED', 'a timer lasts between 1 ms and one year');
    if (typeof input.message !== 'string' || !input.message.trim() || input.message.length > 500)
      throw new HubError('VALIDATION_FAILED', 'a timer needs a message of 1-500 characters to announce');
    const row: TimerRow = {
      id: randomUUID(),
      skill_id: skillId,
      name: input.name ?? null,
      area: input.area ?? null,
      satellite: input.satellite ?? null,
      message: input.message,
      duration_ms: Math.round(input.durationMs),
      due_at: this.clock.now() + Math.round(input.durationMs),
      remaining_ms: Math.round(input.durationMs),
      paused: 0,
    };
    this.db
      .prepare(
        `INSERT INTO skill_timers (id, skill_id, name, area, satellite, message, duration_ms, due_at, remaining_ms, paused, created_at)
         VALUES (@id, @skill_id, @name, @area, @satellite, @message, @duration_ms, @due_at, @remaining_ms, @paused, ${this.clock.now()})`,
      )
      .run(row);
    if (this.started) this.arm(row);
    return this.toTimer(row);
  }

  list(skillId: string, filter: { area?: string } = {}): SkillTimer[] {
    const rows = this.db
      .prepare('SELECT * FROM skill_timers WHERE skill_id = ? ORDER BY created_at')
      .all(skillId) as TimerRow[];
    return rows.filter((r) => !filter.area || r.area === filter.area).map((r) => this.toTimer(r));
  }

  /** Every skill's timers, for the dashboard. */
  listAll(): (SkillTimer & { skill: string })[] {
    const rows = this.db.prepare('SELECT * FROM skill_timers ORDER BY created_at').all() as TimerRow[];
    return rows.map((r) => ({ ...this.toTimer(r), skill: r.skill_id }));
  }

  /** Cancels a timer whatever skill set it (the dashboard and the API, with the hub's token). */
  cancelAny(id: string): void {
    const row = this.db.prepare('SELECT skill_id FROM skill_timers WHERE id = ?').get(id) as
      | { skill_id: string }
      | undefined;
    if (!row) throw new HubError('NOT_FOUND', `no timer "${id}": list the timers with GET /api/v1/timers`);
    this.cancel(row.skill_id, id);
  }

  cancel(skillId: string, id: string): void {
    this.require(skillId, id);
    this.disarm(id);
    this.db.prepare('DELETE FROM skill_timers WHERE id = ?').run(id);
    this.ringing?.timerRemoved(id);
  }

  pause(skillId: string, id: string): SkillTimer {
    const row = this.require(skillId, id);
    if (row.paused) return this.toTimer(row);
    this.disarm(id);
    const remaining = Math.max(0, (row.due_at ?? this.clock.now()) - this.clock.now());
    this.db
      .prepare('UPDATE skill_timers SET paused = 1, due_at = NULL, remaining_ms = ? WHERE id = ?')
      .run(remaining, id);
    return this.toTimer(this.require(skillId, id));
  }

  resume(skillId: string, id: string): SkillTimer {
    const row = this.require(skillId, id);
    if (!row.paused) return this.toTimer(row);
    this.db
      .prepare('UPDATE skill_timers SET paused = 0, due_at = ? WHERE id = ?')
      .run(this.clock.now() + row.remaining_ms, id);
    const updated = this.require(skillId, id);
    if (this.started) this.arm(updated);
    return this.toTimer(updated);
  }

  adjust(skillId: string, id: string, deltaMs: number): SkillTimer {
    const row = this.require(skillId, id);
    if (!Number.isFinite(deltaMs)) throw new HubError('VALIDATION_FAILED', 'timer adjustment must be a number of ms');
    if (row.paused) {
      this.db
        .prepare('UPDATE skill_timers SET remaining_ms = ? WHERE id = ?')
        .run(Math.max(0, row.remaining_ms + deltaMs), id);
    } else {
      this.disarm(id);
      this.db
        .prepare('UPDATE skill_timers SET due_at = ? WHERE id = ?')
        .run((row.due_at ?? this.clock.now()) + deltaMs, id);
      if (this.started) this.arm(this.require(skillId, id));
    }
    return this.toTimer(this.require(skillId, id));
  }

  /** Removes every timer of an uninstalled skill. */
  removeSkill(skillId: string): void {
    for (const t of this.list(skillId)) this.cancel(skillId, t.id);
  }

  private require(skillId: string, id: string): TimerRow {
    const row = this.db.prepare('SELECT * FROM skill_timers WHERE id = ? AND skill_id = ?').get(id, skillId) as
      | TimerRow
      | undefined;
    if (!row) throw new HubError('NOT_FOUND', `no timer "${id}": list the timers to see which are running`);
    return row;
  }

  private arm(row: TimerRow): void {
    this.disarm(row.id);
    const delay = Math.max(0, (row.due_at ?? this.clock.now()) - this.clock.now());
    this.handles.set(
      row.id,
      this.clock.setTimeout(() => this.fire(row.id), delay),
    );
  }

  private disarm(id: string): void {
    const handle = this.handles.get(id);
    if (handle) this.clock.clearTimeout(handle);
    this.handles.delete(id);
  }

  private fire(id: string): void {
    this.handles.delete(id);
    const row = this.db.prepare('SELECT * FROM skill_timers WHERE id = ?').get(id) as TimerRow | undefined;
    if (!row || row.paused) return;
    this.db.prepare('DELETE FROM skill_timers WHERE id = ?').run(id);
    this.log.info({ timerId: id, skillId: row.skill_id, area: row.area }, 'timer done');
    this.bus.emit('notification', row.area ? { message: row.message, area: row.area } : { message: row.message });
    this.ringing?.timerDone({
      id,
      message: row.message,
      ...(row.area ? { area: row.area } : {}),
      ...(row.satellite ? { satellite: row.satellite } : {}),
    });
  }

  private toTimer(row: TimerRow): SkillTimer {
    const remainingMs = row.paused ? row.remaining_ms : Math.max(0, (row.due_at ?? 0) - this.clock.now());
    const timer: SkillTimer = {
      id: row.id,
      message: row.message,
      durationMs: row.duration_ms,
      remainingMs,
      paused: row.paused === 1,
    };
    if (row.name) timer.name = row.name;
    if (row.area) timer.area = row.area;
    if (row.satellite) timer.satellite = row.satellite;
    if (row.due_at !== null && !row.paused) timer.dueAt = row.due_at;
    return timer;
  }
}
