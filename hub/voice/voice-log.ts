import type { Clock } from '../core/clock.js';
import { applyMigrations, type Db } from '../store/database.js';
import { voiceMigrations } from './migrations.js';

/** One utterance as logged: where it was heard, the words, the intent, the reply and how long each step took. */
interface VoiceLogFields {
  source: string;
  area?: string;
  transcript: string;
  intent?: string;
  reply: string;
  timings: Record<string, number>;
}

export interface VoiceLogEntry extends VoiceLogFields {
  id: number;
  at: number;
  hasAudio: boolean;
}

export interface VoiceLogRecord extends VoiceLogFields {
  /** Dropped unless storing audio is enabled. */
  audio?: Buffer;
}

export interface VoiceLogOptions {
  db: Db;
  clock: Clock;
  retentionDays: number;
  storeAudio: boolean;
}

interface Row {
  id: number;
  at: number;
  source: string;
  area: string | null;
  transcript: string;
  intent: string | null;
  reply: string;
  timings: string;
  has_audio: number;
}

const DAY_MS = 86_400_000;

/** What was said and answered, kept for `retentionDays` (0 = nothing kept). */
export class VoiceLog {
  constructor(private readonly options: VoiceLogOptions) {}

  async start(): Promise<void> {
    applyMigrations(this.options.db, 'voice', voiceMigrations);
    this.prune();
  }

  async stop(): Promise<void> {}

  record(entry: VoiceLogRecord): number | undefined {
    if (this.options.retentionDays === 0) return undefined;
    const audio = this.options.storeAudio ? (entry.audio ?? null) : null;
    const result = this.options.db
      .prepare(
        'INSERT INTO voice_log (at, source, area, transcript, intent, reply, timings, audio) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        this.options.clock.now(),
        entry.source,
        entry.area ?? null,
        entry.transcript,
        entry.intent ?? null,
        entry.reply,
        JSON.stringify(entry.timings),
        audio,
      );
    return Number(result.lastInsertRowid);
  }

  list(options: { limit?: number; before?: number } = {}): VoiceLogEntry[] {
    const rows = this.options.db
      .prepare(
        `SELECT id, at, source, area, transcript, intent, reply, timings, audio IS NOT NULL AS has_audio
         FROM voice_log WHERE at < ? ORDER BY at DESC, id DESC LIMIT ?`,
      )
      .all(options.before ?? Number.MAX_SAFE_INTEGER, Math.min(options.limit ?? 50, 500)) as Row[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      source: row.source,
      ...(row.area !== null ? { area: row.area } : {}),
      transcript: row.transcript,
      ...(row.intent !== null ? { intent: row.intent } : {}),
      reply: row.reply,
      timings: JSON.parse(row.timings) as Record<string, number>,
      hasAudio: row.has_audio === 1,
    }));
  }

  audio(id: number): Buffer | undefined {
    const row = this.options.db.prepare('SELECT audio FROM voice_log WHERE id = ?').get(id) as
      | { audio: Buffer | null }
      | undefined;
    return row?.audio ?? undefined;
  }

  delete(id: number): boolean {
    return this.options.db.prepare('DELETE FROM voice_log WHERE id = ?').run(id).changes > 0;
  }

  clear(): number {
    return this.options.db.prepare('DELETE FROM voice_log').run().changes;
  }

  /** Deletes entries older than the retention; called at start and may be called periodically. */
  prune(): number {
    const cutoff = this.options.clock.now() - this.options.retentionDays * DAY_MS;
    return this.options.db.prepare('DELETE FROM voice_log WHERE at < ?').run(cutoff).changes;
  }
}
