import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import { silentLogger } from '../core/logger.js';
import { openDatabase, type Db } from '../store/database.js';
import { alertsConfigSchema } from './config.js';
import { AlertService } from './service.js';
import { RecordingOutput } from './testing/recording-output.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Monday 2 March 2026, local time. */
const monday = (hour: number, minute = 0) => new Date(2026, 2, 2, hour, minute).getTime();

let dir: string;
let clock: ManualClock;
let output: RecordingOutput;
let open: { db: Db; service: AlertService; bus: EventBus<HubEvents> }[];

function startService(config: Record<string, unknown> = {}) {
  const db = openDatabase(join(dir, 'hearth.db'));
  const bus = new EventBus<HubEvents>(silentLogger);
  const service = new AlertService({
    db,
    clock,
    bus,
    log: silentLogger,
    config: alertsConfigSchema.parse(config),
    output,
  });
  open.push({ db, service, bus });
  return { db, service, bus };
}

async function crash(entry: { db: Db; service: AlertService }) {
  // What survives a kill: the database file. Timers and rings die with the process.
  await entry.service.stop();
  entry.db.close();
  open = open.filter((o) => o !== entry);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-alarms-'));
  clock = new ManualClock(monday(6, 0));
  output = new RecordingOutput([
    { id: 'bedroom-sat', area: 'bedroom' },
    { id: 'kitchen-sat', area: 'kitchen' },
  ]);
  open = [];
});

afterEach(async () => {
  for (const o of open) {
    await o.service.stop();
    o.db.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('alarms', () => {
  it('a weekday alarm rings on the satellite that set it at each occurrence, skipping the weekend', async () => {
    const { service } = startService();
    await service.start();
    const alarm = service.setAlarm({
      time: { hour: 6, minute: 30 },
      days: [1, 2, 3, 4, 5],
      area: 'bedroom',
      satellite: 'bedroom-sat',
    });
    expect(alarm).toMatchObject({ nextAt: monday(6, 30), description: 'every weekday at 6:30', ringing: false });

    clock.advance(30 * MIN - 1);
    expect(output.played).toEqual([]);
    clock.advance(1);
    expect(output.heardBy('bedroom-sat')).toEqual(["It's 6:30. This is your alarm."]);
    expect(output.heardBy('kitchen-sat')).toEqual([]);
    expect(service.ringing()).toEqual([
      expect.objectContaining({ kind: 'alarm', sourceId: alarm.id, satellites: ['bedroom-sat'] }),
    ]);
    expect(service.getAlarm(alarm.id)).toMatchObject({ ringing: true, nextAt: new Date(2026, 2, 3, 6, 30).getTime() });

    await service.silence({ satellite: 'bedroom-sat' });
    expect(service.ringing()).toEqual([]);
    expect(output.silenced.at(-1)).toContain('bedroom-sat');

    // Friday's ring, then Monday's: nothing on Saturday or Sunday.
    const rings: number[] = [];
    const off = open[0]!.bus.on('ringStarted', () => rings.push(clock.now()));
    for (let i = 0; i < 7 * 24; i++) {
      clock.advance(HOUR);
      for (const r of service.ringing()) await service.silence({ satellite: r.satellites[0]! });
    }
    off();
    expect(rings.map((t) => new Date(t).getDay())).toEqual([2, 3, 4, 5, 1]);
    expect(rings.every((t) => new Date(t).getHours() === 6 && new Date(t).getMinutes() === 30)).toBe(true);
  });

  it('rings until the cap, repeating, and a one-shot is gone afterwards', async () => {
    const { service } = startService({ ringCapMs: 60_000, repeatEveryMs: 20_000 });
    await service.start();
    const alarm = service.setAlarm({ at: monday(7, 0), area: 'kitchen' });
    expect(alarm.description).toBe('today at 7:00');
    clock.advance(HOUR);
    expect(output.heardBy('kitchen-sat')).toHaveLength(1);
    clock.advance(40_000);
    expect(output.heardBy('kitchen-sat')).toHaveLength(3);
    clock.advance(20_000);
    expect(service.ringing()).toEqual([]);
    expect(output.heardBy('kitchen-sat')).toHaveLength(3);
    expect(output.silenced.at(-1)).toEqual(['kitchen-sat']);
    expect(service.listAlarms()).toEqual([]);
  });

  it('snooze rings again after the snooze, then stops for good', async () => {
    const { service } = startService();
    await service.start();
    const alarm = service.setAlarm({ at: monday(6, 10), satellite: 'bedroom-sat', area: 'bedroom', label: 'gym' });
    clock.advance(10 * MIN);
    expect(output.heardBy('bedroom-sat')).toEqual(["It's 6:10. This is your gym alarm."]);
    const snoozed = service.snooze({ area: 'bedroom' }, 5 * MIN);
    expect(snoozed).toEqual([
      expect.objectContaining({ id: alarm.id, snoozedUntil: monday(6, 15), nextAt: monday(6, 15) }),
    ]);
    expect(service.ringing()).toEqual([]);
    clock.advance(5 * MIN);
    expect(output.heardBy('bedroom-sat')).toEqual([
      "It's 6:10. This is your gym alarm.",
      "It's 6:15. This is your gym alarm.",
    ]);
    await service.silence({ area: 'bedroom' });
    expect(service.listAlarms()).toEqual([]);
    clock.advance(HOUR);
    expect(output.heardBy('bedroom-sat')).toHaveLength(2);
  });

  it('an alarm due while the hub was down rings once at start, then keeps its rhythm; a kill mid-ring does not ring twice', async () => {
    const first = startService();
    await first.service.start();
    first.service.setAlarm({ time: { hour: 6, minute: 30 }, days: [1, 2, 3, 4, 5], area: 'bedroom' });
    await crash(first);

    clock.advance(45 * MIN); // down at 6:30
    const second = startService();
    await second.service.start();
    expect(output.heardBy('bedroom-sat')).toEqual(["It's 6:45. This is your alarm."]);
    await crash(second); // killed while it rings

    const third = startService();
    const rings: number[] = [];
    third.bus.on('ringStarted', () => rings.push(clock.now()));
    await third.service.start();
    expect(rings).toEqual([]);
    expect(third.service.listAlarms()[0]).toMatchObject({ nextAt: new Date(2026, 2, 3, 6, 30).getTime() });
    clock.advance(24 * HOUR);
    expect(rings).toEqual([new Date(2026, 2, 3, 6, 30).getTime()]);
  });

  it('an alarm missed by more than catchUpWithinMs is skipped with a notification, and the next one still rings', async () => {
    const first = startService();
    await first.service.start();
    first.service.setAlarm({ time: { hour: 6, minute: 30 }, days: [], area: 'bedroom' });
    first.service.setAlarm({ time: { hour: 6, minute: 30 }, days: [0, 1, 2, 3, 4, 5, 6], area: 'bedroom' });
    await crash(first);
    clock.advance(20 * HOUR);
    const second = startService({ catchUpWithinMs: HOUR });
    const notes: string[] = [];
    second.bus.on('notification', (n) => notes.push(n.message));
    await second.service.start();
    expect(output.played).toEqual([]);
    expect(notes).toEqual(['Missed alarm at 6:30 (the hub was off).', 'Missed alarm at 6:30 (the hub was off).']);
    expect(second.service.listAlarms()).toEqual([
      expect.objectContaining({ days: [0, 1, 2, 3, 4, 5, 6], nextAt: new Date(2026, 2, 3, 6, 30).getTime() }),
    ]);
  });

  it('reminders speak their message; per person lists; delete stops a ring', async () => {
    const { service } = startService();
    await service.start();
    const mine = service.setAlarm({
      kind: 'reminder',
      at: monday(6, 20),
      message: 'call grandma',
      area: 'kitchen',
      user: 'anna',
    });
    service.setAlarm({ at: monday(9, 0), user: 'ben' });
    service.setAlarm({ at: monday(10, 0) });
    expect(service.listAlarms({ user: 'anna' }).map((a) => a.user ?? 'household')).toEqual(['anna', 'household']);
    clock.advance(20 * MIN);
    expect(output.heardBy('kitchen-sat')).toEqual(['Reminder for anna: call grandma.']);
    service.removeAlarm(mine.id);
    expect(service.ringing()).toEqual([]);
    expect(() => service.removeAlarm(mine.id)).toThrow(/no alarm/);
  });

  it('refuses a time in the past, a repeating one-shot and more than maxAlarms', async () => {
    const { service } = startService({ maxAlarms: 1 });
    await service.start();
    expect(() => service.setAlarm({ at: monday(5, 0) })).toThrow(/passed/);
    service.setAlarm({ time: { hour: 8, minute: 0 } });
    expect(() => service.setAlarm({ time: { hour: 9, minute: 0 } })).toThrow(/alerts.maxAlarms/);
  });

  it('update: disable stops it ringing and keeps it; enable schedules the next occurrence', async () => {
    const { service } = startService();
    await service.start();
    const alarm = service.setAlarm({ time: { hour: 6, minute: 5 }, days: [1, 3], area: 'bedroom' });
    clock.advance(5 * MIN);
    expect(service.ringing()).toHaveLength(1);
    expect(service.updateAlarm(alarm.id, { enabled: false })).toMatchObject({ enabled: false, ringing: false });
    expect(service.ringing()).toEqual([]);
    expect(service.updateAlarm(alarm.id, { enabled: true, time: { hour: 7, minute: 0 } })).toMatchObject({
      nextAt: monday(7, 0),
      description: 'on Mondays and Wednesdays at 7:00',
    });
  });
});

describe('timers and announcements', () => {
  it('a finished timer rings on its satellite until stopped there', async () => {
    const { service } = startService();
    await service.start();
    service.timerDone({ id: 't1', message: 'Your tea timer is done.', area: 'kitchen', satellite: 'kitchen-sat' });
    expect(output.played).toEqual([{ satellite: 'kitchen-sat', text: 'Your tea timer is done.', ring: true }]);
    expect(service.soundingAt({ satellite: 'kitchen-sat' })).toBe(true);
    expect(service.soundingAt({ satellite: 'bedroom-sat' })).toBe(false);
    expect(await service.silence({ satellite: 'kitchen-sat' })).toHaveLength(1);
    expect(service.soundingAt({ area: 'kitchen' })).toBe(false);
  });

  it('an announcement reaches every satellite but the asker, or one area', async () => {
    output.online.push({ id: 'hall-sat', area: 'hall' });
    const { service } = startService();
    expect(await service.announce({ message: 'Dinner is ready.', except: 'kitchen-sat' })).toEqual([
      'bedroom-sat',
      'hall-sat',
    ]);
    expect(await service.announce({ message: 'Bedtime.', area: 'bedroom', except: 'kitchen-sat' })).toEqual([
      'bedroom-sat',
    ]);
    await expect(service.announce({ message: 'x', area: 'attic' })).rejects.toThrow(
      /no satellite is in the area "attic"/,
    );
    expect(output.heardBy('kitchen-sat')).toEqual([]);
  });
});
