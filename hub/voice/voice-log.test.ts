import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { openDatabase, type Db } from '../store/database.js';
import { VoiceLog } from './voice-log.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-voicelog-'));
  db = openDatabase(join(dir, 'hub.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const entry = {
  source: 'wav',
  area: 'kitchen',
  transcript: 'turn on the light',
  intent: 'HassTurnOn',
  reply: 'Done.',
  timings: { sttMs: 3 },
  audio: Buffer.from([1, 2]),
};

describe('VoiceLog', () => {
  it('records transcripts without audio unless audio storage is enabled', async () => {
    const clock = new ManualClock();
    const log = new VoiceLog({ db, clock, retentionDays: 30, storeAudio: false });
    await log.start();
    const id = log.record(entry)!;
    const { audio: _audio, ...logged } = entry;
    expect(log.list()).toEqual([{ id, at: clock.now(), ...logged, hasAudio: false }]);
    expect(log.audio(id)).toBeUndefined();
    const withAudio = new VoiceLog({ db, clock, retentionDays: 30, storeAudio: true });
    const id2 = withAudio.record(entry)!;
    expect(withAudio.audio(id2)).toEqual(Buffer.from([1, 2]));
  });

  it('prunes past the retention, deletes one entry, clears all', async () => {
    const clock = new ManualClock();
    const log = new VoiceLog({ db, clock, retentionDays: 2, storeAudio: false });
    await log.start();
    log.record(entry);
    clock.advance(3 * 86_400_000);
    const recent = log.record({ ...entry, transcript: 'lock the car' })!;
    expect(log.prune()).toBe(1);
    expect(log.list().map((e) => e.transcript)).toEqual(['lock the car']);
    expect(log.delete(recent)).toBe(true);
    expect(log.list()).toEqual([]);
    log.record(entry);
    expect(log.clear()).toBe(1);
  });

  it('keeps nothing with retention 0', async () => {
    const log = new VoiceLog({ db, clock: new ManualClock(), retentionDays: 0, storeAudio: true });
    await log.start();
    expect(log.record(entry)).toBeUndefined();
    expect(log.list()).toEqual([]);
  });
});
