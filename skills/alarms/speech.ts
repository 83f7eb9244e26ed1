/** How alarms are said back: "your 6:30 alarm", "every weekday at 6:30", "a reminder to call grandma today at 17:00". */
import type { Alarm } from '../../hub/sdk/index.js';

const clock = (a: Alarm) => `${a.time.hour}:${String(a.time.minute).padStart(2, '0')}`;

/** "the alarm", "the taxi alarm", "the reminder to call grandma". */
export function alarmName(alarm: Alarm): string {
  if (alarm.kind === 'reminder') return alarm.message ? `the reminder to ${alarm.message}` : 'the reminder';
  return alarm.label ? `the ${alarm.label} alarm` : 'the alarm';
}

/** "every weekday at 6:30", "tomorrow at 7:00", "today at 17:00" (the hub's own description, or the time). */
export function whenText(alarm: Alarm): string {
  return alarm.description || `at ${clock(alarm)}`;
}

/** "You have 2 alarms: every weekday at 6:30, and the taxi alarm tomorrow at 17:00." */
export function alarmList(alarms: readonly Alarm[]): string {
  const alarmsOnly = alarms.filter((a) => a.kind === 'alarm').length;
  const reminders = alarms.length - alarmsOnly;
  const counted = [
    alarmsOnly ? `${alarmsOnly} ${alarmsOnly === 1 ? 'alarm' : 'alarms'}` : '',
    reminders ? `${reminders} ${reminders === 1 ? 'reminder' : 'reminders'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const items = alarms.map((a) => {
    const what =
      a.kind === 'reminder'
        ? `a reminder${a.message ? ` to ${a.message}` : ''}`
        : a.label
          ? `the ${a.label} alarm`
          : '';
    const when = whenText(a);
    return what ? `${what} ${when}` : when;
  });
  const spoken = items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
  return `You have ${counted}: ${spoken}.`;
}
