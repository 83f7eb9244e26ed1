/**
 * A repeating alarm set by voice, end to end: espeak-ng speech streamed by a firmware-sim satellite, the real
 * recogniser, a hub process on a clock the test moves. It rings at its next two occurrences with a SIGKILL and
 * a restart in between, snoozes and stops by voice (no wake word while it rings), and an alarm that came due
 * while the hub was down rings once when it is back, and not again after another restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedSatellite } from '../../firmware-sim/devices/satellite/satellite.js';
import { spawnJumpClockHub, type JumpClockHub } from '../harness/jump-clock-hub.js';
import { SpeechSynth, synthesiseAll, type SynthesisedSpeech } from '../harness/speech.js';
import { until, untilValue } from '../harness/until.js';

const MIN = 60_000;
/** Local time on Monday 2 March 2026 (and the days after). */
const local = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).getTime();
const VOICE = { voice: 'en-us', speed: 150 };

let dataDir: string;
let hub: JumpClockHub | undefined;
let satellite: SimulatedSatellite | undefined;
const synth = new SpeechSynth();
let clips: Record<'set' | 'snooze' | 'stop', SynthesisedSpeech>;

async function startHub(clockStart: number): Promise<JumpClockHub> {
  hub = await spawnJumpClockHub({ dataDir, clockStart });
  return hub;
}

/** The bedroom satellite, connected to the hub running now (a restarted hub has a new broker port). */
async function connectSatellite(
  h: JumpClockHub,
  credential: { username: string; password: string },
): Promise<SimulatedSatellite> {
  await satellite?.stop().catch(() => undefined);
  satellite = new SimulatedSatellite({
    id: 'bedroom-sat',
    area: 'bedroom',
    url: h.runtime.mqtt.url,
    username: credential.username,
    password: credential.password,
    reconnectPeriodMs: 0,
  });
  await satellite.start();
  await until(
    async () => (await h.api('GET', '/satellites')).body.some((s: { id: string }) => s.id === 'bedroom-sat'),
    'the hub to know the satellite',
  );
  return satellite;
}

/** A ring reached the satellite: it was told something sounds, and the chime and words came. */
async function expectRing(sat: SimulatedSatellite, before: number): Promise<void> {
  await until(
    () => sat.heard().length > before && sat.isSounding(),
    () => `a ring on the satellite (heard ${sat.heard().length}, commands ${JSON.stringify(sat.received())})`,
    15_000,
  );
}

const ringing = async (h: JumpClockHub) =>
  (await h.api('GET', '/ringing')).body as { kind: string; satellites: string[] }[];

/**
 * Nothing rings: the hub lists no ring, and an announcement sent now reaches the satellite with nothing before it
 * (a ring the hub had started would have been sent first). Waits for that outcome, not for time.
 */
async function expectQuiet(h: JumpClockHub, sat: SimulatedSatellite): Promise<void> {
  const heard = sat.heard().length;
  const commands = sat.received().length;
  expect((await h.api('POST', '/announcements', { message: 'All quiet.' })).body).toEqual({
    satellites: ['bedroom-sat'],
  });
  await until(() => sat.heard().length > heard, 'the announcement on the satellite', 15_000);
  expect(sat.heard().length).toBe(heard + 1);
  expect(
    sat
      .received()
      .slice(commands)
      .filter((c) => c.type === 'sounding'),
  ).toEqual([]);
  expect(await ringing(h)).toEqual([]);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hearth-alarm-restart-'));
  await synth.start();
  const [set, snooze, stop] = await synthesiseAll(synth, [
    { ...VOICE, text: 'set an alarm for six thirty every weekday' },
    { ...VOICE, text: 'snooze' },
    { ...VOICE, text: 'stop' },
  ]);
  clips = { set: set!, snooze: snooze!, stop: stop! };
}, 60_000);

afterAll(async () => {
  await satellite?.stop().catch(() => undefined);
  await hub?.kill();
  await synth.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a weekday alarm set by voice', () => {
  it('rings on Monday and Tuesday with a SIGKILL between, snoozes and stops by voice, and catches up once after downtime', async () => {
    // Monday 6:20: the alarm is set by voice from the bedroom.
    let h = await startHub(local(2, 6, 20));
    expect((await h.api('POST', '/areas', { id: 'bedroom', name: 'Bedroom' })).status).toBe(201);
    expect(
      (
        await h.api('POST', '/devices', {
          id: 'bedroom-sat',
          name: 'bedroom satellite',
          area: 'bedroom',
          type: 'sensor',
          capabilities: [],
        })
      ).status,
    ).toBe(201);
    const credential = (await h.api('POST', '/devices/bedroom-sat/credentials', {})).body;
    let sat = await connectSatellite(h, credential);
    await sat.streamWav(clips.set.wav);
    await sat.nextReply(20_000);
    const [alarm] = await untilValue(
      async () =>
        (await h.api('GET', '/alarms')).body as {
          id: string;
          days: number[];
          time: object;
          satellite: string;
          nextAt: number;
        }[],
      (a) => a.length === 1,
      'the alarm',
    );
    expect(alarm).toMatchObject({
      days: [1, 2, 3, 4, 5],
      time: { hour: 6, minute: 30 },
      satellite: 'bedroom-sat',
      nextAt: local(2, 6, 30),
    });

    // 6:30: it rings on the satellite; "snooze" (no wake word: it rings) quiets it for the configured 9 minutes.
    let heard = sat.heard().length;
    await h.advance(10 * MIN);
    await expectRing(sat, heard);
    expect(await ringing(h)).toEqual([expect.objectContaining({ kind: 'alarm', satellites: ['bedroom-sat'] })]);
    expect(await sat.sayWithoutWakeWord(clips.snooze.wav)).toBe(true);
    await until(async () => (await ringing(h)).length === 0, 'the snooze to end the ring', 20_000);
    // Nine minutes from when it was said (the clock runs on between the jumps).
    const { snoozedUntil } = (await h.api('GET', `/alarms/${alarm!.id}`)).body as { snoozedUntil: number };
    expect(snoozedUntil).toBeGreaterThanOrEqual(local(2, 6, 39));
    expect(snoozedUntil).toBeLessThan(local(2, 6, 40));

    // 6:39: it rings again; "stop" ends it, and the satellite is told to stop playing.
    heard = sat.heard().length;
    await h.advance(snoozedUntil - (await h.advance(0)) + 500);
    await expectRing(sat, heard);
    expect(await sat.sayWithoutWakeWord(clips.stop.wav)).toBe(true);
    await until(async () => (await ringing(h)).length === 0, 'the stop to end the ring', 20_000);
    await until(() => sat.received().some((c) => c.type === 'stop'), 'the stop command on the satellite');
    await h.advance(MIN);
    await expectQuiet(h, sat);
    await until(() => !sat.isSounding(), 'the announcement to finish playing', 15_000);
    expect(await sat.sayWithoutWakeWord(clips.stop.wav)).toBe(false); // nothing sounds: without a wake word nothing is sent

    // SIGKILL at 6:40; the hub comes back at 6:45 the same day: nothing rings, Tuesday's ring is next.
    await h.kill('SIGKILL');
    h = await startHub(local(2, 6, 45));
    sat = await connectSatellite(h, credential);
    expect((await h.api('GET', `/alarms/${alarm!.id}`)).body).toMatchObject({
      nextAt: local(3, 6, 30),
      ringing: false,
    });
    expect(await ringing(h)).toEqual([]);

    // Tuesday 6:30: the second occurrence rings; "stop" ends it.
    heard = sat.heard().length;
    await h.advance(local(3, 6, 30) - (await h.advance(0)) + 500);
    await expectRing(sat, heard);
    expect(await sat.sayWithoutWakeWord(clips.stop.wav)).toBe(true);
    await until(async () => (await ringing(h)).length === 0, 'the stop to end the second ring', 20_000);

    // Down from Tuesday 6:35 to Wednesday 6:40: Wednesday's 6:30 rings once at start...
    await h.kill('SIGKILL');
    h = await startHub(local(4, 6, 40));
    sat = await connectSatellite(h, credential);
    heard = sat.heard().length;
    await until(async () => (await ringing(h)).length === 1, 'the missed alarm to ring at start', 20_000);
    await expectRing(sat, heard);
    expect(await sat.sayWithoutWakeWord(clips.stop.wav)).toBe(true);
    await until(async () => (await ringing(h)).length === 0, 'the stop to end the caught-up ring', 20_000);

    // ...and not again after another kill and restart; Thursday's is next.
    await h.kill('SIGKILL');
    h = await startHub(local(4, 6, 50));
    sat = await connectSatellite(h, credential);
    await expectQuiet(h, sat); // the catch-up at start ran before the hub was ready
    expect((await h.api('GET', `/alarms/${alarm!.id}`)).body).toMatchObject({ nextAt: local(5, 6, 30) });
  }, 300_000);
});
