/**
 * Adaptive CMN in the running hub: the upload path's cepstral mean is adapted by a spoken command,
 * saved in the hub's SQLite file at stop, and used again after a restart; a damaged row is ignored
 * with a warning instead of stopping voice.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../hub/core/logger.js';
import { openDatabase } from '../../hub/store/database.js';
import { startTestHub, tempDataDir, type TestHub } from '../harness/hub.js';
import { SpeechSynth } from '../harness/speech.js';
import { postVoice } from '../harness/hub-voice.js';

const synth = new SpeechSynth();
const dataDir = tempDataDir('hearth-cmn-e2e-');

beforeAll(() => synth.start());
afterAll(async () => {
  await synth.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Row = { source: string; mean: string; utterances: number; frames: number };
function storedMeans(): Row[] {
  const db = openDatabase(join(dataDir, 'hearth.db'));
  try {
    return db
      .prepare('SELECT source, mean, utterances, frames FROM voice_channel_means ORDER BY source')
      .all() as Row[];
  } finally {
    db.close();
  }
}

/** What the hub heard in a WAV sent to POST /voice. */
async function transcribe(hub: TestHub, wav: Buffer): Promise<string> {
  const res = await postVoice(hub, wav);
  return ((await res.json()) as { transcript: string }).transcript;
}

describe('adaptive cepstral mean per source across a restart', () => {
  it('keeps the upload path mean, ignores a damaged row with a warning', async () => {
    const clip = await synth.say('what time is it');
    const first = await startTestHub({ dataDir });
    try {
      expect(await transcribe(first, clip.wav)).toBe('what time is it');
    } finally {
      await first.stop();
    }
    const [saved] = storedMeans();
    expect(saved).toMatchObject({ source: 'api', utterances: 1 });
    expect(saved!.frames).toBeGreaterThan(50);
    expect(JSON.parse(saved!.mean)).toHaveLength(13);

    const db = openDatabase(join(dataDir, 'hearth.db'));
    db.prepare(
      'INSERT INTO voice_channel_means (source, mean, utterances, frames, updated_at) VALUES (?, ?, ?, ?, ?)',
    ).run('satellite:broken', '[1, 2]', 3, 100, Date.now());
    db.close();

    const logs = new PassThrough();
    let logged = '';
    logs.on('data', (d: Buffer) => (logged += d.toString()));
    const second = await startTestHub({ dataDir, log: createLogger('warn', logs) });
    try {
      expect(await transcribe(second, clip.wav)).toBe('what time is it');
    } finally {
      await second.stop();
    }
    expect(logged).toContain('satellite:broken');
    expect(logged).toContain('mean has 2 values, the model needs 13');
    // The second run continued from the saved mean: two utterances behind it now.
    expect(storedMeans().find((r) => r.source === 'api')).toMatchObject({ utterances: 2 });
  }, 120_000);
});
