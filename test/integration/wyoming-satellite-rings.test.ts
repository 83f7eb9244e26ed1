/**
 * Rings and announcements on a Wyoming satellite Hearth drives: a stand-in satellite written with the reference
 * Python library (test/fixtures/wyoming/satellite.py) streams espeak-ng speech ("set a timer for five seconds");
 * when it ends, the timer rings on that satellite (chime and words, outside a pipeline
 * run, as Home Assistant announces), repeats until stopped, and an announcement reaches it too. The audio the
 * satellite got is compared with the hub's own espeak-ng output, byte for byte (sha1). The hub runs on the real
 * clock: the satellite driver's pings count time, and a jumped clock reads as a satellite that stopped answering.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../hub/core/logger.js';
import { chimePcm } from '../../hub/voice/audio/chime.js';
import { encodeWav, wavToPcm } from '../../hub/voice/audio/wav.js';
import { EspeakTts } from '../../hub/voice/tts.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { SpeechSynth } from '../harness/speech.js';
import { until } from '../harness/until.js';
import { startPyServer, type PyServer } from '../harness/wyoming-py.js';

let hub: TestHub;
let satellite: PyServer | undefined;
let dir: string;
let satellitePort: number;
const synth = new SpeechSynth();
const tts = new EspeakTts({ command: 'espeak-ng', voice: 'en-us', speed: 165, enabled: true, log: silentLogger });

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** sha1 of the PCM the hub sends for `text`: its espeak-ng speech, after the chime for a ring. */
async function spokenSha1(text: string, ring: boolean): Promise<string> {
  const speech = await wavToPcm((await tts.synthesize(text)).wav!);
  return createHash('sha1')
    .update(ring ? Buffer.concat([chimePcm(), speech]) : speech)
    .digest('hex');
}

const played = (sha1: string) => satellite!.lines().filter((l) => l.played?.sha1 === sha1).length;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-wyoming-rings-'));
  await synth.start();
  const command = await synth.say('set a timer for five seconds', { voice: 'en-us', speed: 150, silenceAfterMs: 300 });
  writeFileSync(join(dir, 'command.wav'), encodeWav(command.pcm));
  satellitePort = await freePort();
  hub = await startTestHub({
    config: {
      alerts: { repeatEveryMs: 3_000 },
      wyoming: {
        satellites: [{ id: 'porch-sat', uri: `tcp://127.0.0.1:${satellitePort}`, area: 'porch' }],
        client: { retryMinMs: 200, retryMaxMs: 400, satellitePingMs: 1000 },
      },
    },
  });
  expect((await hub.api('POST', '/areas', { id: 'porch', name: 'Porch' })).status).toBe(201);
  await hub.hub.voice().refreshGrammar();
}, 120_000);

afterAll(async () => {
  await satellite?.stop();
  await hub?.stop();
  await synth.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a Wyoming satellite as a room speaker', () => {
  it('a timer set by voice on it rings there until stopped, and announcements reach it', async () => {
    satellite = await startPyServer('satellite.py', [
      '--port',
      String(satellitePort),
      '--wav',
      join(dir, 'command.wav'),
      '--out',
      join(dir, 'reply.wav'),
      '--start-stage',
      'asr',
    ]);
    expect((await satellite.waitFor((l) => l.transcript !== undefined, 30_000)).transcript).toBe(
      'set a timer for five seconds',
    );
    expect((await hub.api('GET', '/satellites')).body).toEqual([{ id: 'porch-sat', area: 'porch' }]);

    // The timer ends: the chime and "Your timer is done." on the satellite, outside any pipeline run.
    const ring = await spokenSha1('Your timer is done.', true);
    await satellite.waitFor((l) => l.played?.sha1 === ring, 20_000);
    expect((await hub.api('GET', '/ringing')).body).toEqual([
      expect.objectContaining({ kind: 'timer', area: 'porch', satellites: ['porch-sat'] }),
    ]);
    expect(satellite.lines().filter((l) => l.transcript !== undefined)).toHaveLength(1); // one command, one timer
    // It rings again until stopped.
    await until(() => played(ring) >= 2, 'the second ring on the satellite', 20_000);
    expect((await hub.api('POST', '/ringing/stop', {})).status).toBe(200);
    expect((await hub.api('GET', '/ringing')).body).toEqual([]);

    // An announcement for everyone reaches it, without a chime.
    const dinner = await spokenSha1('Dinner is ready.', false);
    expect((await hub.api('POST', '/announcements', { message: 'Dinner is ready.' })).body).toEqual({
      satellites: ['porch-sat'],
    });
    await satellite.waitFor((l) => l.played?.sha1 === dinner, 20_000);
    expect(
      satellite
        .lines()
        .filter((l) => l.played !== undefined)
        .at(-1)!.played.sha1,
    ).toBe(dinner);
  }, 120_000);
});
