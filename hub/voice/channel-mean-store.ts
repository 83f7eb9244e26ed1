import type { Clock } from '../core/clock.js';
import { applyMigrations, type Db } from '../store/database.js';
import { voiceMigrations } from './migrations.js';
import type { ChannelMeanRecord, ChannelMeanStore, StoredChannelMean } from './recognizers/channel-means.js';

/** The per-source cepstral means in the hub's SQLite file (table voice_channel_means). */
export class SqliteChannelMeanStore implements ChannelMeanStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  load(): StoredChannelMean[] {
    applyMigrations(this.db, 'voice', voiceMigrations);
    return this.db
      .prepare('SELECT source, mean, utterances, frames FROM voice_channel_means')
      .all() as StoredChannelMean[];
  }

  save(records: readonly ChannelMeanRecord[], keep: number): void {
    const upsert = this.db.prepare(
      `INSERT INTO voice_channel_means (source, mean, utterances, frames, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (source) DO UPDATE SET mean = excluded.mean, utterances = excluded.utterances, frames = excluded.frames, updated_at = excluded.updated_at`,
    );
    const trim = this.db.prepare(
      'DELETE FROM voice_channel_means WHERE source NOT IN (SELECT source FROM voice_channel_means ORDER BY updated_at DESC, rowid DESC LIMIT ?)',
    );
    const at = this.clock.now();
    this.db.transaction(() => {
      for (const r of records)
        upsert.run(r.source, JSON.stringify(r.mean.map((v) => Math.round(v * 1e4) / 1e4)), r.utterances, r.frames, at);
      trim.run(keep);
    })();
  }
}
