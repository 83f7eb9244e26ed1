/**
 * Times of day, days and repeats for alarms and reminders (skills/alarms): "half past six", "quarter to eight",
 * "tomorrow morning", "every weekday", "in 20 minutes", and the free-text lists of labels, reminders and
 * announcements. Slots: `hour` (0-23, or "noon"/"midnight"), `minute`, `minute_to` ("quarter to seven" → 15),
 * `period` (am/pm), `day` (today, tonight, tomorrow, after_tomorrow, a weekday), `repeat` (daily, weekdays,
 * weekends, a weekday), `all`.
 */
import type { SlotListDefinition } from '../slot-lists.js';

const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const values = (pairs: Array<[string, string | number]>): SlotListDefinition => ({
  kind: 'values',
  values: pairs.map(([said, out]) => ({ in: said, out })),
});

export const timeLists: Record<string, SlotListDefinition> = {
  clock_hour: { kind: 'range', from: 0, to: 23 },
  clock_minute: { kind: 'range', from: 0, to: 59 },
  clock_past: values([
    ['half past', 30],
    ['quarter past', 15],
    ['a quarter past', 15],
    ['half', 30],
  ]),
  clock_to: values([
    ['quarter to', 15],
    ['a quarter to', 15],
    ['quarter of', 15],
    ['a quarter of', 15],
    ['quarter till', 15],
  ]),
  clock_named: values([
    ['noon', 'noon'],
    ['midday', 'noon'],
    ['twelve noon', 'noon'],
    ['lunchtime', 'noon'],
    ['midnight', 'midnight'],
  ]),
  day_period: values([
    ['am', 'am'],
    ['a m', 'am'],
    ['in the morning', 'am'],
    ['this morning', 'am'],
    ['morning', 'am'],
    ['in the am', 'am'],
    ['pm', 'pm'],
    ['p m', 'pm'],
    ['in the afternoon', 'pm'],
    ['this afternoon', 'pm'],
    ['afternoon', 'pm'],
    ['in the pm', 'pm'],
    ['in the evening', 'pm'],
    ['this evening', 'pm'],
    ['evening', 'pm'],
    ['tonight', 'pm'],
    ['at night', 'pm'],
    ['in the night', 'pm'],
    ['night', 'pm'],
  ]),
  alarm_day: values([
    ['today', 'today'],
    ['tonight', 'tonight'],
    ['tomorrow', 'tomorrow'],
    ['tmrw', 'tomorrow'],
    ['tomorow', 'tomorrow'],
    ['the day after tomorrow', 'after_tomorrow'],
    ['day after tomorrow', 'after_tomorrow'],
    ...WEEKDAY_NAMES.map((d): [string, string] => [d, d]),
  ]),
  alarm_repeat: values([
    ...[
      'every day',
      'everyday',
      'daily',
      'each day',
      'every single day',
      'every morning',
      'each morning',
      'every evening',
      'every night',
      'all week',
      'every day of the week',
    ].map((s): [string, string] => [s, 'daily']),
    ...[
      'every weekday',
      'on weekdays',
      'weekdays',
      'during the week',
      'every work day',
      'every workday',
      'on work days',
      'on workdays',
      'on school days',
      'every school day',
      'monday to friday',
      'monday through friday',
      'mondays to fridays',
      'from monday to friday',
      'every weekday morning',
      'weekday mornings',
      'on weekday mornings',
    ].map((s): [string, string] => [s, 'weekdays']),
    ...[
      'every weekend',
      'on weekends',
      'at weekends',
      'at the weekend',
      'on the weekend',
      'weekends',
      'on saturdays and sundays',
      'every saturday and sunday',
    ].map((s): [string, string] => [s, 'weekends']),
    ...WEEKDAY_NAMES.flatMap((d): [string, string][] => [
      [`every ${d}`, d],
      [`each ${d}`, d],
      [`on ${d}s`, d],
      [`${d}s`, d],
      [`every ${d} morning`, d],
      [`${d} mornings`, d],
    ]),
  ]),
  repeat_word: values([
    ['daily', 'daily'],
    ['everyday', 'daily'],
    ['weekday', 'weekdays'],
    ['workday', 'weekdays'],
    ['weekend', 'weekends'],
    ['recurring', 'daily'],
    ['repeating', 'daily'],
  ]),
  alarm_all: values([
    ['all', 'all'],
    ['all of', 'all'],
    ['every', 'all'],
    ['any', 'all'],
    ['each', 'all'],
    ['both', 'all'],
  ]),
  alarm_label: { kind: 'wildcard' },
  // What people call an alarm before the word "alarm" ("the gym alarm"): a closed list, because a free-text label there
  // let any "switch off the …" pass for an alarm.
  alarm_label_word: values(
    [
      'bedtime',
      'school',
      'work',
      'gym',
      'yoga',
      'running',
      'jogging',
      'nap',
      'medicine',
      'pills',
      'meds',
      'taxi',
      'cab',
      'flight',
      'train',
      'bus',
      'homework',
      'practice',
      'piano',
      'football',
      'soccer',
      'swimming',
      'church',
      'shift',
      'backup',
      'second',
      'first',
      'early',
      'late',
      'weekend',
      'weekday',
      'saturday',
      'sunday',
      'kids',
      'baby',
      'tea',
      'coffee',
      'bin',
      'bins',
    ].map((w): [string, string] => [w, w]),
  ),
  reminder_text: { kind: 'wildcard' },
  announcement: { kind: 'wildcard', acrossClauses: true },
};

export const timeRules: Record<string, string> = {
  alarm_word: '(alarm|alarm clock|wake up call|wakeup call|wake up alarm|wakeup alarm|alarm call|morning alarm)',
  alarms_word:
    '(alarms|alarm clocks|wake up calls|wake up alarms|alarm|alarm clock|wake up call|wakeup alarm|wakeup alarms|wake up alarm)',
  reminder_word: '(reminder|reminders|alert|alerts|notification)',
  // "7", "7 30", "seven oh five", "half past 7", "20 past 7", "quarter to 8", "7 o'clock", "0700 hours" (said "seven hundred"),
  // "0630" (said "six hundred thirty").
  // No "minutes" here ("twenty minutes past seven" is rare): every alarm question would share it with the timers' words
  // and crowd them out of the tolerant matcher's few candidates ("time 8 minutes" → a timer).
  clock_time:
    '({clock_hour:hour} [oh|o] {clock_minute:minute} | {clock_hour:hour} [o clock|oclock|hundred [hours]|sharp] | {clock_hour:hour} hundred [and] {clock_minute:minute} [hours] | {clock_past:minute} {clock_hour:hour} | {clock_minute:minute} (past|after) {clock_hour:hour} | {clock_to:minute_to} {clock_hour:hour} | {clock_minute:minute_to} (to|till|before) {clock_hour:hour} | {clock_named:hour})',
  // The spoken grammar's clock: fewer forms than <clock_time>, since "seven" heard as "eight till eight" is a real risk.
  spoken_time:
    '({clock_hour:hour} [o clock|{clock_minute:minute}] | {clock_past:minute} {clock_hour:hour} | {clock_to:minute_to} {clock_hour:hour} | {clock_named:hour}) [{day_period:period}]',
  at_time: '[at|for|by|around] <clock_time> [{day_period:period}]',
  on_day: '[on|this|next|for] {alarm_day:day} [{day_period:period}]',
  in_time: '(in|after) <duration> | [for] <duration> from now',
  // One copy of the clock time (each copy is inlined into every sentence): the day or repeat may come before or after it.
  when: '(<clock_when> | <in_time>)',
  // A time of day only: "wake me in 20 minutes" is a timer, "wake me at 7" an alarm.
  clock_when: '[<on_day>|{alarm_repeat:repeat}|[for] {day_period:period}] <at_time> [<on_day>|{alarm_repeat:repeat}]',
  set_verb: '(set|make|create|add|schedule|start|program|setup|set up|put on|put in)',
  an: '[a|an|the|my|one|new|another|me a|me an]',
  which_alarm: '[<clock_time> [{day_period:period}]] [{alarm_day:day}] [{day_period:period}] [{alarm_label_word:name}]',
  cancel_verb:
    '(cancel|delete|remove|clear|turn off|switch off|shut off|disable|get rid of|kill|erase|drop|unset|deactivate|stop|scrap|cancel out|wipe|undo|take off|dismiss)',
  alarm_filter_after:
    '[set|that is set|scheduled] [for|at|on] (<clock_time> [{day_period:period}] [<on_day>] | <on_day> | {day_period:period} | {alarm_repeat:repeat})',
  everyone:
    '(everyone|everybody|every one|every body|all|the whole house|the house|the whole family|the family|every room|all rooms|all the rooms|the kids|all of you|you all|y all)',
};
