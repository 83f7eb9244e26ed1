/**
 * The hub's own speaker as a room speaker (voice.speaker): an alarm for its area rings there, "stop" kills the
 * player that is still playing, and an announcement plays there too. The speaker is the machine's edge: the
 * player is a shell script that keeps what it is given (one WAV file per play, named by its pid) and then plays
 * on (sleeps) until it is stopped. The audio is compared with the hub's own espeak-ng output, byte for byte.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../hub/core/logger.js';
import { chimePcm } from '../../hub/voice/audio/chime.js';
import { encodeWav, wavToPcm } from '../../hub/voice/audio/wav.js';
import { EspeakTts } from '../../hub/voice/tts.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { JumpClock } from '../harness/jump-clock.js';
import { until } from '../harness/until.js';

let hub: TestHub;
let played: string;
const clock = new JumpClock(new Date(2026, 2, 2, 6, 0).getTime());
const tts = new EspeakTts({ command: 'espeak-ng', voice: 'en-us', speed: 165, enabled: true, log: silentLogger });

async function spoken(text: string, ring: boolean): Promise<Buffer> {
  const speech = await wavToPcm((await tts.synthesize(text)).wav!);
  return encodeWav(ring ? Buffer.concat([chimePcm(), speech]) : speech);
}

/** The players started so far: pid → the WAV it got (once it has all of it). */
function plays(): { pid: number; wav: Buffer }[] {
  return readdirSync(played)
    .filter((f) => f.endsWith('.done'))
    .map((f) => {
      const pid = Number(f.slice(0, -'.done'.length));
      return { pid, wav: readFileSync(join(played, `${pid}.wav`)) };
    });
}

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  played = mkdtempSync(join(tmpdir(), 'hearth-hub-speaker-'));
  const player = 'cat > "$1/$$.wav"; touch "$1/$$.done"; exec sleep 60';
  hub = await startTestHub({
    clock,
    config: { voice: { speaker: { area: 'kitchen', command: 'sh', args: ['-c', player, 'sh', played] } } },
  });
  expect((await hub.api('POST', '/areas', { id: 'kitchen', name: 'Kitchen' })).status).toBe(201);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  rmSync(played, { recursive: true, force: true });
});

describe('the hub speaker', () => {
  it('an alarm for its area rings there until stopped, and announcements play there', async () => {
    expect((await hub.api('GET', '/satellites')).body).toEqual([{ id: 'hub-speaker', area: 'kitchen' }]);
    const set = await hub.api('POST', '/alarms', { at: clock.now() + 60_000, area: 'kitchen', label: 'pasta' });
    expect(set.status).toBe(201);

    clock.advance(60_000);
    const [ring] = (await hub.api('GET', '/ringing')).body;
    expect(ring).toMatchObject({ kind: 'alarm', area: 'kitchen', satellites: ['hub-speaker'] });
    await until(() => plays().length === 1, 'the ring on the hub speaker', 20_000);
    const [first] = plays();
    expect(first!.wav.equals(await spoken(ring.message, true))).toBe(true);
    expect(running(first!.pid)).toBe(true);

    // "Stop" (here from the API, as the dashboard does) ends the ring and the player still playing it.
    expect((await hub.api('POST', '/ringing/stop', { area: 'kitchen' })).body.stopped).toHaveLength(1);
    await until(() => !running(first!.pid), 'the player to be stopped', 20_000);

    expect((await hub.api('POST', '/announcements', { message: 'Dinner is ready.' })).body).toEqual({
      satellites: ['hub-speaker'],
    });
    await until(() => plays().length === 2, 'the announcement on the hub speaker', 20_000);
    expect(
      plays()
        .find((p) => p.pid !== first!.pid)!
        .wav.equals(await spoken('Dinner is ready.', false)),
    ).toBe(true);
    expect(existsSync(join(played, `${first!.pid}.done`))).toBe(true);
  }, 60_000);
});
