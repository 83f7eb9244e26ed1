/**
 * From an alarm sentence's slots to when it rings (`hour`, `minute`, `minute_to`, `period`, `day`, `repeat`, or a
 * duration), and to which alarms a question or a "delete" is about. Local time of the hub.
 */
import type { Alarm, Intent, TimeOfDay, Weekday } from '../../hub/sdk/index.js';

export type When = { at: number } | { time: TimeOfDay; days: Weekday[] };

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const REPEATS: Record<string, Weekday[]> = {
  daily: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [1, 2, 3, 4, 5],
  weekends: [0, 6],
};

const num = (intent: Intent, key: string): number | undefined => {
  const v = intent.slots[key];
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
};
const str = (intent: Intent, key: string): string | undefined =>
  typeof intent.slots[key] === 'string' ? (intent.slots[key] as string) : undefined;

function durationMs(intent: Intent): number {
  return (
    (((num(intent, 'hours') ?? 0) * 60 + (num(intent, 'minutes') ?? 0)) * 60 + (num(intent, 'seconds') ?? 0)) * 1000
  );
}

/** The clock time said, before am/pm is settled: `ambiguous` when "7" could be 7:00 or 19:00. */
export function saidTime(intent: Intent): { time: TimeOfDay; ambiguous: boolean } | undefined {
  const hourSlot = intent.slots.hour;
  if (hourSlot === 'noon') return { time: { hour: 12, minute: 0 }, ambiguous: false };
  if (hourSlot === 'midnight') return { time: { hour: 0, minute: 0 }, ambiguous: false };
  let hour = num(intent, 'hour');
  if (hour === undefined) return undefined;
  let minute = num(intent, 'minute') ?? 0;
  const to = num(intent, 'minute_to');
  if (to !== undefined) {
    hour = (hour + 23) % 24;
    minute = 60 - to;
  }
  const period = str(intent, 'period') ?? (intent.slots.day === 'tonight' ? 'pm' : undefined);
  if (period === 'pm' && hour < 12) return { time: { hour: hour + 12, minute }, ambiguous: false };
  if (period === 'am' && hour === 12) return { time: { hour: 0, minute }, ambiguous: false };
  return { time: { hour, minute }, ambiguous: period === undefined && hour >= 1 && hour <= 12 };
}

export function repeatDays(intent: Intent): Weekday[] | undefined {
  const repeat = str(intent, 'repeat');
  if (repeat === undefined) return undefined;
  const weekday = WEEKDAYS.indexOf(repeat);
  return weekday >= 0 ? [weekday as Weekday] : REPEATS[repeat];
}

/** Midnight (local) of the day the slot names, or undefined for no day. */
function dayStart(day: string | undefined, now: number): number | undefined {
  if (day === undefined) return undefined;
  const d = new Date(now);
  const base = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  const shift = (n: number) => new Date(base.getFullYear(), base.getMonth(), base.getDate() + n).getTime();
  if (day === 'today' || day === 'tonight') return shift(0);
  if (day === 'tomorrow') return shift(1);
  if (day === 'after_tomorrow') return shift(2);
  const weekday = WEEKDAYS.indexOf(day);
  if (weekday < 0) return undefined;
  return shift((weekday - base.getDay() + 7) % 7);
}

const at = (dayMidnight: number, time: TimeOfDay) => {
  const d = new Date(dayMidnight);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), time.hour, time.minute).getTime();
};

/**
 * When the alarm rings, or why it cannot: `undefined` when no time was said at all (nor a day, with `dayOnly`). "7" with no am/pm is the next 7 o'clock
 * to come (morning or evening), except for a repeating alarm or one on a named day, which wake people up: 7:00.
 */
export function whenFromSlots(
  intent: Intent,
  now: number,
  options: { dayOnly?: TimeOfDay } = {},
): When | { problem: 'passed' } | undefined {
  const relative = durationMs(intent);
  if (relative > 0) return { at: now + relative };
  const named = saidTime(intent);
  // "Remind me on Friday to …": a day with no time gets the caller's default time of day.
  const said =
    named ??
    (options.dayOnly && (intent.slots.day !== undefined || intent.slots.repeat !== undefined)
      ? { time: options.dayOnly, ambiguous: false }
      : undefined);
  if (!said) return undefined;
  const days = repeatDays(intent);
  if (days) return { time: said.time, days };
  const day = str(intent, 'day');
  const start = dayStart(day, now);
  if (start !== undefined) {
    let when = at(start, said.time);
    // Today's weekday named with a time already gone: next week ("on monday at 7" said on a Monday at 9).
    if (when <= now && WEEKDAYS.includes(day!)) when = at(start + 7 * 86_400_000 + 3_600_000, said.time);
    if (when <= now && said.ambiguous && (day === 'today' || day === 'tonight'))
      when = at(start, { ...said.time, hour: said.time.hour + 12 });
    return when > now ? { at: when } : { problem: 'passed' };
  }
  const candidates =
    said.ambiguous && said.time.hour < 12 ? [said.time, { ...said.time, hour: said.time.hour + 12 }] : [said.time];
  const today = dayStart('today', now)!;
  const next = candidates
    .map((t) => (at(today, t) > now ? at(today, t) : at(today + 86_400_000 + 3_600_000, t)))
    .sort((a, b) => a - b)[0]!;
  return { at: next };
}

/** Whether the sentence narrowed which alarm it means (a time, a day, a label or "all"). */
export interface AlarmChoice {
  time?: { time: TimeOfDay; ambiguous: boolean };
  day?: number;
  /** "morning alarms": before noon (am) or after (pm). */
  half?: 'am' | 'pm';
  label?: string;
  all: boolean;
}

export function choiceFromSlots(intent: Intent, now: number): AlarmChoice {
  const choice: AlarmChoice = { all: intent.slots.all === 'all' };
  const time = saidTime(intent);
  if (time) choice.time = time;
  const day = dayStart(str(intent, 'day'), now);
  if (day !== undefined) choice.day = day;
  const period = str(intent, 'period');
  if (!time && (period === 'am' || period === 'pm')) choice.half = period;
  const label = str(intent, 'name');
  if (label) choice.label = label;
  return choice;
}

export function isSpecific(choice: AlarmChoice): boolean {
  return (
    choice.time !== undefined || choice.day !== undefined || choice.half !== undefined || choice.label !== undefined
  );
}

/** The alarms a choice fits. A day matches a one-shot on that date and a repeating alarm on that weekday. */
export function chosen(alarms: readonly Alarm[], choice: AlarmChoice): Alarm[] {
  return alarms.filter((a) => {
    if (choice.time) {
      const { hour, minute } = choice.time.time;
      const hours = choice.time.ambiguous ? [hour % 12, (hour % 12) + 12] : [hour];
      if (a.time.minute !== minute || !hours.includes(a.time.hour)) return false;
    }
    if (choice.half && (choice.half === 'am') !== a.time.hour < 12) return false;
    if (choice.day !== undefined && !ringsOn(a, choice.day)) return false;
    if (choice.label && !labelFits(a, choice.label)) return false;
    return true;
  });
}

function ringsOn(alarm: Alarm, dayMidnight: number): boolean {
  if (alarm.days.length > 0) return alarm.days.includes(new Date(dayMidnight).getDay() as Weekday);
  if (alarm.nextAt === undefined) return false;
  const a = new Date(alarm.nextAt);
  const b = new Date(dayMidnight);
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "the yoga alarm" fits a label with the word yoga; "wake up" and "morning" name no label. */
function labelFits(alarm: Alarm, said: string): boolean {
  const words = said
    .split(' ')
    .filter(
      (w) => !['my', 'the', 'a', 'an', 'wake', 'up', 'morning', 'early', 'new', 'old', 'current', 'next'].includes(w),
    );
  if (words.length === 0) return true;
  const text = `${alarm.label ?? ''} ${alarm.message ?? ''} ${alarm.user ?? ''}`.toLowerCase();
  return words.some((w) => text.includes(w));
}
