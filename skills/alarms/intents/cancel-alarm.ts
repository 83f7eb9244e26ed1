/** HearthCancelAlarm: deletes alarms or reminders, or skips a day of a repeating one ("no alarm tomorrow"). */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { REMINDER_SLOTS } from './slots.js';

export const cancelAlarm = defineIntent({
  targets: 'none',
  slots: REMINDER_SLOTS,
  cues: {
    actions: [
      'cancel',
      'delete',
      'remove',
      'clear',
      'turn off',
      'switch off',
      'shut off',
      'disable',
      'get rid of',
      'kill',
      'erase',
      'unset',
      'deactivate',
      'scrap',
      'dismiss',
      ...weighted(0.5, 'stop', 'off'),
    ],
    topics: [
      'alarm',
      'alarms',
      'alarm clock',
      'alarm clocks',
      'wake up call',
      'wake up calls',
      'wakeup alarm',
      'reminder',
      'reminders',
    ],
    needsTopic: true,
    // The words left ("finlee's bedtime") name the alarm: its label.
    freeText: 'name',
  },
  sentences: [
    {
      sentences: [
        '(cancel|delete|turn off) [the|my] [<spoken_time>] alarm',
        '(cancel|delete|turn off) {alarm_all:all} [my] (alarms|reminders)',
      ],
    },
    {
      // Typed (and heard in other words once the recogniser takes free speech): too many ways to say it for the JSGF grammar.
      spoken: false,
      sentences: [
        '<cancel_verb> [{alarm_all:all}] [of] [the|my|our|that|this|those|these] [<which_alarm>] (alarm|alarms|alarm clock|alarm clocks|wake up call|wake up calls|wake up alarm|wake up alarms|reminder|reminders) [off] [(that|which) (i have|i|you have|are|is|was|were) set] [<alarm_filter_after>]',
        '<cancel_verb> [the|my] (alarm|alarms|reminder|reminders) (called|named|labelled|labeled) {alarm_label:name}',
        '<cancel_verb> [{alarm_all:all}] [of] [the|my] (alarm|alarms|reminder|reminders) (for|at|set for) <clock_time> [{day_period:period}] [<on_day>]',
        '(cancel|delete|remove|clear) [the|my] (reminder|alarm) (to|about) {reminder_text:message}',
        '(turn|switch|shut) [{alarm_all:all}] [of] [the|my] [<which_alarm>] (alarm|alarms|reminder|reminders) off [<alarm_filter_after>]',
        '[{alarm_all:all}] [my|the] (alarms|alarm) off',
        '(i|we) (do not|dont|no longer) (need|want) [the|my|an|any|that] [<which_alarm>] (alarm|alarms|wake up call) [anymore|any more] [<alarm_filter_after>] [(cancel|delete|remove|turn off) (it|them)]',
        "(do not|don't) wake (me|us) [up] [<alarm_filter_after>|<on_day>]",
        '(no|no more) (alarm|alarms|wake up call) [<alarm_filter_after>|<on_day>]',
        '(i|we) (do not|dont) (need|have) to (wake|get) up [early] [<on_day>]',
        '<cancel_verb> {alarm_all:all}',
        '(cancel|delete|remove|clear) [{alarm_all:all}] [the|my] (alarm|alarms) (for|on) <on_day>',
      ],
    },
  ],
});
