/** The alarms and broadcast skills through the real language service, skills runtime, alarm store and ringer. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertsConfigSchema } from '../../hub/alerts/config.js';
import { AlertService } from '../../hub/alerts/service.js';
import { RecordingOutput } from '../../hub/alerts/testing/recording-output.js';
import { ManualClock } from '../../hub/core/clock.js';
import { LanguageService } from '../../hub/language/service.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import { skillsConfigSchema } from '../../hub/skills/config.js';
import { languagePortFor } from '../../hub/skills/language-adapter.js';
import { SkillRuntime } from '../../hub/skills/runtime.js';
import { openDatabase, type Db } from '../../hub/store/database.js';
import broadcast from '../../skills/broadcast/index.js';
import timers from '../../skills/timers/index.js';
import alarms from '../../skills/alarms/index.js';

const MIN = 60_000;
/** Monday 2 March 2026, 6:00 local time. */
const MONDAY_6AM = new Date(2026, 2, 2, 6, 0).getTime();
const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).getTime();

let dir: string;
let db: Db;
let clock: ManualClock;
let output: RecordingOutput;
let alerts: AlertService;
let runtime: SkillRuntime;
const bedroom = { area: 'bedroom', satellite: 'bedroom-sat' };
const kitchen = { area: 'kitchen', satellite: 'kitchen-sat' };
const say = async (text: string, where: { area?: string; satellite?: string; user?: string } = bedroom) =>
  (await runtime.handleUtterance(text, where)).reply;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-alarm-skill-'));
  db = openDatabase(join(dir, 'hearth.db'));
  clock = new ManualClock(MONDAY_6AM);
  const house = buildHousehold();
  const language = new LanguageService(house);
  await language.start();
  output = new RecordingOutput([
    { id: 'bedroom-sat', area: 'bedroom' },
    { id: 'kitchen-sat', area: 'kitchen' },
    { id: 'kids-sat', area: 'kids_room' },
  ]);
  alerts = new AlertService({
    db,
    clock,
    bus: house.bus,
    log: house.log,
    config: alertsConfigSchema.parse({}),
    output,
    resolveArea: (x) => house.household.areas().find((a) => a.id === x || a.name.toLowerCase() === x.toLowerCase())?.id,
  });
  await alerts.start();
  runtime = new SkillRuntime({
    devices: house.devices,
    language: languagePortFor(language),
    db,
    bus: house.bus,
    log: house.log,
    clock,
    config: skillsConfigSchema.parse({}),
    hubVersion: '0.1.0',
    alerts,
  });
  await runtime.start();
  for (const skill of [timers, alarms, broadcast]) await runtime.registerBuiltin(skill);
});

afterEach(async () => {
  await runtime.stop();
  await alerts.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('alarms by voice', () => {
  it('sets a repeating alarm, rings it in the room that set it, snoozes and stops it', async () => {
    expect(await say('set an alarm for 6:30 every weekday')).toBe('Alarm set for every weekday at 6:30.');
    expect(alerts.listAlarms()).toEqual([
      expect.objectContaining({
        days: [1, 2, 3, 4, 5],
        time: { hour: 6, minute: 30 },
        area: 'bedroom',
        satellite: 'bedroom-sat',
      }),
    ]);
    clock.advance(30 * MIN);
    expect(output.heardBy('bedroom-sat')).toEqual(["It's 6:30. This is your alarm."]);
    expect(output.heardBy('kitchen-sat')).toEqual([]);
    expect(await say('five more minutes')).toBe('Snoozed for 5 minutes.');
    expect(alerts.ringing()).toEqual([]);
    clock.advance(5 * MIN);
    expect(output.heardBy('bedroom-sat')).toHaveLength(2);
    expect(await say('stop')).toBe('');
    expect(alerts.ringing()).toEqual([]);
    expect(alerts.listAlarms()[0]).toMatchObject({ nextAt: at(3, 6, 30) });
  });

  it('"set an alarm for 7" is the next 7 o\'clock; "tomorrow at 7" is the morning', async () => {
    expect(await say('set an alarm for 7')).toBe('Alarm set for today at 7:00.');
    clock.advance(3 * 60 * MIN); // 9:00
    expect(await say('wake me up at 7')).toBe('Alarm set for today at 19:00.');
    expect(await say('set an alarm for tomorrow at 7')).toBe('Alarm set for tomorrow at 7:00.');
    expect(await say('set an alarm for 5 pm called taxi')).toBe('Taxi alarm set for today at 17:00.');
  });

  it('lists, deletes by time, skips a day of a repeating alarm, and turns all off', async () => {
    expect(await say('what alarms do i have')).toBe('You have no alarms or reminders set.');
    await say('set an alarm for 7 am');
    await say('wake me at 6:30 on weekdays');
    await say('set an alarm for 9 on saturday');
    expect(await say('which alarms are set')).toBe(
      'You have 3 alarms: every weekday at 6:30, today at 7:00, and on Saturday at 9:00.',
    );
    expect(await say('delete the 7 am alarm')).toBe('Deleted the alarm today at 7:00.');
    expect(alerts.listAlarms()).toHaveLength(2);
    expect(await say("don't wake me up tomorrow")).toBe('The alarm at 6:30 will skip that day.');
    // Today's ring still comes; Tuesday's is skipped; Wednesday's comes.
    expect(alerts.listAlarms().find((a) => a.days.length > 0)).toMatchObject({
      nextAt: at(2, 6, 30),
      skipDay: at(3, 0),
    });
    clock.advance(30 * MIN);
    await say('stop');
    expect(alerts.listAlarms().find((a) => a.days.length > 0)).toMatchObject({ nextAt: at(4, 6, 30) });
    expect(await say('cancel my alarm')).toMatch(/^You have 2 alarms: .* Say which one to delete/);
    expect(await say('turn off all alarms')).toBe('Deleted 2 alarms.');
    expect(alerts.listAlarms()).toEqual([]);
  });

  it('"turn off the alarm" while it rings stops the ringing and keeps a repeating alarm', async () => {
    await say('set an alarm for 6:10 every day');
    clock.advance(10 * MIN);
    expect(alerts.ringing()).toHaveLength(1);
    expect(await say('turn off the alarm')).toBe('');
    expect(alerts.ringing()).toEqual([]);
    expect(alerts.listAlarms()).toHaveLength(1);
  });

  it('a reminder speaks its message in the room that set it, and is per person', async () => {
    expect(await say('remind me in 20 minutes to take the bread out', { ...kitchen, user: 'anna' })).toBe(
      "Okay, I'll remind you to take the bread out today at 6:20.",
    );
    expect(await say('remind me to call grandma at five', { ...bedroom, user: 'ben' })).toBe(
      "Okay, I'll remind you to call grandma today at 17:00.",
    );
    expect(await say('what reminders do i have', { ...kitchen, user: 'anna' })).toBe(
      'You have 1 reminder: a reminder to take the bread out today at 6:20.',
    );
    clock.advance(20 * MIN);
    expect(output.heardBy('kitchen-sat')).toEqual(['Reminder for anna: take the bread out.']);
    expect(output.heardBy('bedroom-sat')).toEqual([]);
    expect(await say('stop', kitchen)).toBe('');
    expect(alerts.listAlarms().map((a) => [a.user, a.message])).toEqual([['ben', 'call grandma']]);
  });

  it('a reminder or alarm without a time asks when, and the answer alone sets it', async () => {
    expect(await say('remind me to call grandma', { ...kitchen, user: 'anna' })).toBe(
      'When should I remind you to call grandma?',
    );
    expect(alerts.listAlarms()).toEqual([]);
    expect(await say('at five', { ...kitchen, user: 'anna' })).toBe(
      "Okay, I'll remind you to call grandma today at 17:00.",
    );
    expect(alerts.listAlarms()).toEqual([
      expect.objectContaining({
        kind: 'reminder',
        message: 'call grandma',
        area: 'kitchen',
        satellite: 'kitchen-sat',
        user: 'anna',
        nextAt: at(2, 17),
      }),
    ]);

    // What was said first stays: "every weekday" with the time in the answer ("at 7" then wakes people: 7:00).
    expect(await say('set a weekday alarm')).toBe('For what time?');
    expect(await say('at seven')).toBe('Alarm set for every weekday at 7:00.');
    expect(await say('remind me to water the plants')).toBe('When should I remind you to water the plants?');
    expect(await say('in 20 minutes')).toBe("Okay, I'll remind you to water the plants today at 6:20.");

    // Another command instead of an answer is just that command; a time alone, with nothing asked, asks what for.
    expect(await say('remind me to take the bins out')).toBe('When should I remind you to take the bins out?');
    expect(await say('what alarms do i have')).toMatch(/^You have 1 alarm/);
    expect(await say('at five')).toMatch(/^A time for what\?/);
    expect(alerts.listAlarms()).toHaveLength(3);
  });

  it('set for another room, it rings there and not where it was asked', async () => {
    expect(await say('set an alarm in the kids room for 7')).toBe('Alarm set in the Kids Room for today at 7:00.');
    expect(alerts.listAlarms()).toEqual([expect.objectContaining({ area: 'kids_room' })]);
    expect(alerts.listAlarms()[0]!.satellite).toBeUndefined();
    expect(await say('remind everyone in the kitchen to take the bread out in 10 minutes')).toBe(
      "Okay, I'll remind them in the Kitchen to take the bread out today at 6:10.",
    );
    clock.advance(10 * MIN);
    expect(output.heardBy('kitchen-sat')).toEqual(['Reminder: take the bread out.']);
    clock.advance(50 * MIN);
    expect(output.heardBy('kids-sat')).toHaveLength(1);
    expect(output.heardBy('bedroom-sat')).toEqual([]);
  });

  it('"stop" without anything ringing says nothing and changes nothing; "stop the timer" stops a ringing timer', async () => {
    expect(await say('stop')).toBe('');
    expect(await say('set a timer for 1 minute', kitchen)).toBe('Timer set for 1 minute.');
    clock.advance(MIN);
    expect(output.played).toEqual([{ satellite: 'kitchen-sat', text: 'Your timer is done.', ring: true }]);
    expect(await say('stop the timer', kitchen)).toBe('');
    expect(alerts.ringing()).toEqual([]);
  });
});

describe('announcements', () => {
  it('reach every satellite but the one that asked, or one room', async () => {
    expect(await say('tell everyone dinner is ready', kitchen)).toBe('Announced.');
    expect(output.heardBy('bedroom-sat')).toEqual(['Dinner is ready.']);
    expect(output.heardBy('kids-sat')).toEqual(['Dinner is ready.']);
    expect(output.heardBy('kitchen-sat')).toEqual([]);
    expect(await say("announce in the kids room that it's bedtime", kitchen)).toBe('Announced in the Kids Room.');
    expect(output.heardBy('kids-sat')).toEqual(['Dinner is ready.', "It's bedtime."]);
    expect(output.heardBy('bedroom-sat')).toHaveLength(1);
    expect(await say('announce in the garage that the car is ready', kitchen)).toBe(
      'There is no satellite in the Garage.',
    );
  });
});
