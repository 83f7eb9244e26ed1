/**
 * The alarms skill's intents: alarms, reminders, snooze and stop, a time said alone (the answer to "when?"), and the
 * assistant's own replies muted for a while.
 */
import { cancelAlarm } from './cancel-alarm.js';
import { listAlarms } from './list-alarms.js';
import { assistantMute, assistantUnmute } from './quiet-replies.js';
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
  HearthAssistantMute: assistantMute,
  HearthAssistantUnmute: assistantUnmute,
};
