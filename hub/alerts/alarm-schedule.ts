/**
 * When an alarm rings: the next local clock time on one of its weekdays, and how to say it.
 * Local time is the hub process's time zone (TZ); `Date.setHours` carries the daylight-saving shifts.
 */
import type { TimeOfDay, Weekday } from '../sdk/alarms.js';

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
export const WEEKEND: readonly Weekday[] = [0, 6];
export const EVERY_DAY: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

const DAY_MS = 24 * 3600 * 1000;

/** Weekdays as a bit mask (bit n = weekday n), the way the store keeps them. */
export function daysToMask(days: readonly Weekday[]): number {
  return days.reduce<number>((mask, d) => mask | (1 << d), 0);
}

export function maskToDays(mask: number): Weekday[] {
  return EVERY_DAY.filter((d) => (mask & (1 << d)) !== 0);
}

/**
 * The first moment strictly after `after` whose local clock reads `time` on one of `days`
 * (any day when `days` is empty). Eight days always hold the next occurrence.
 */
export function nextOccurrence(time: TimeOfDay, days: readonly Weekday[], after: number): number {
  const start = new Date(after);
  for (let offset = 0; offset <= 8; offset++) {
    const candidate = new Date(
      start.getFullYear(),
      start.getMonth(),
      start.getDate() + offset,
      time.hour,
      time.minute,
      0,
      0,
    );
    if (candidate.getTime() <= after) continue;
    if (days.length === 0 || days.includes(candidate.getDay() as Weekday)) return candidate.getTime();
  }
  throw new Error(`no occurrence of ${time.hour}:${time.minute} within 8 days`);
}

/** Local midnight of the day `at` falls on. */
export function dayStart(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** The next occurrence after `after`, passing over the day `skipDay` (a local midnight) when it lands there. */
export function nextRing(
  time: TimeOfDay,
  days: readonly Weekday[],
  after: number,
  skipDay: number | undefined,
): number {
  const next = nextOccurrence(time, days, after);
  return skipDay !== undefined && dayStart(next) === skipDay ? nextOccurrence(time, days, next) : next;
}

/** The local time of day of an epoch ms. */
export function timeOfDay(at: number): TimeOfDay {
  const d = new Date(at);
  return { hour: d.getHours(), minute: d.getMinutes() };
}

/** "6:30", "19:05": how replies and the dashboard show a time of day. */
export function clockText(time: TimeOfDay): string {
  return `${time.hour}:${String(time.minute).padStart(2, '0')}`;
}

/** "every weekday", "on Saturdays", "every day", "on Mondays and Thursdays". */
export function daysText(days: readonly Weekday[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const same = (set: readonly Weekday[]) => sorted.length === set.length && set.every((d) => sorted.includes(d));
  if (same(EVERY_DAY)) return 'every day';
  if (same(WEEKDAYS)) return 'every weekday';
  if (same(WEEKEND)) return 'at weekends';
  const names = sorted.map((d) => `${capital(WEEKDAY_NAMES[d]!)}s`);
  return `on ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`}`;
}

/** "every weekday at 6:30", "today at 7:00", "tomorrow at 7:00", "on Friday at 9:15", "on 3 March at 8:00". */
export function describeWhen(
  time: TimeOfDay,
  days: readonly Weekday[],
  nextAt: number | undefined,
  now: number,
): string {
  if (days.length > 0) return `${daysText(days)} at ${clockText(time)}`;
  if (nextAt === undefined) return `at ${clockText(time)}`;
  return `${dayText(nextAt, now)} at ${clockText(timeOfDay(nextAt))}`;
}

/** "today", "tomorrow", "on Friday" (within a week), else "on 3 March". */
export function dayText(at: number, now: number): string {
  const midnight = (t: number) => {
    const d = new Date(t);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  const days = Math.round((midnight(at) - midnight(now)) / DAY_MS);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  const date = new Date(at);
  if (days > 1 && days < 7) return `on ${capital(WEEKDAY_NAMES[date.getDay()]!)}`;
  return `on ${date.getDate()} ${date.toLocaleString('en-GB', { month: 'long' })}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
