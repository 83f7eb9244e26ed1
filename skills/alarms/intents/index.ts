/** The alarms skill's intents: alarms, reminders, snooze and stop, and a time said alone (the answer to "when?"). */
import { cancelAlarm } from './cancel-alarm.js';
import { listAlarms } from './list-alarms.js';
import { sayWhen } from './say-when.js';
import { setAlarm } from './set-alarm.js';
import { setReminder } from './set-reminder.js';
import { snooze } from './snooze.js';
import { stop } from './stop.js';

export const alarmsIntents = {
  HearthSetAlarm: setAlarm,
  HearthSetReminder: setReminder,
  HearthListAlarms: listAlarms,
  HearthCancelAlarm: cancelAlarm,
  HearthSnooze: snooze,
  HearthStop: stop,
  HearthSayWhen: sayWhen,
};
