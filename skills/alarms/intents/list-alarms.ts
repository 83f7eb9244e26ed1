/** HearthListAlarms: which alarms and reminders are set ("what alarms do I have tomorrow"). */
import { defineIntent } from '../../../hub/sdk/index.js';
import { ALARM_SLOTS } from './slots.js';

export const listAlarms = defineIntent({
  targets: 'none',
  slots: ALARM_SLOTS,
  cues: {
    answers: true,
    actions: [
      'what',
      'which',
      'when',
      'what time',
      'how many',
      'list',
      'show',
      'tell me',
      'let me know',
      'check',
      'do i have',
    ],
    topics: [
      ...['alarm', 'alarms', 'alarm clock', 'alarm clocks', 'wake up call', 'wake up calls', 'wakeup alarm'],
      'reminder',
      'reminders',
    ],
    needsTopic: true,
  },
  sentences: [
    {
      sentences: [
        '(what|which) (alarms|reminders) (do i have|are set)',
        'when is my next alarm',
        '(list|show me) [all] my (alarms|reminders)',
      ],
    },
    {
      // Typed (and heard in other words once the recogniser takes free speech): too many ways to say it for the JSGF grammar.
      spoken: false,
      sentences: [
        '(what|which) [are] [all] [the|my] [{day_period:period}] (alarms|reminders|alarm clocks|wake up calls) (do i have|have i got|are there|have i set|did i set|did you set|have you set|are set|are on|are active|are coming up|are upcoming|are scheduled|are currently set|i have|i have set|that i have|that are set|you have set) [[right] now|currently|at the moment] [<alarm_filter_after>]',
        '(what|which) (alarms|reminders) (are|do i have) [set] [<alarm_filter_after>]',
        '(what|which) (alarm|alarms) [is|are|do i have] [set] [<alarm_filter_after>]',
        '(what|which) (alarms|reminders|alarm)',
        '(what|when) (is|are) my [next] (alarm|alarms|reminder|reminders|wake up|wake up call|wakeup)',
        '(what|when) (is|are) [the|my] next (alarm|alarms|reminder|reminders) [set for] [<alarm_filter_after>]',
        '(what|when) is the (alarm|alarm time|reminder) [set for] [<alarm_filter_after>]',
        '(what|which) time (is|are) [my|the] [{day_period:period}] (alarm|alarms|wake up|wakeup alarm|wake up alarm|wake up call) [set for|set to|for|going off] [<alarm_filter_after>]',
        '(at|for) what time (is|are|did|have) (my|the|you|i) (alarm|alarms|set) [set|an alarm|my alarm|the alarm|alarm] [<alarm_filter_after>]',
        '(at|for) what time (have|did) (you|i) set [the|my|an] (alarm|alarms) [<alarm_filter_after>]',
        '(when|what time) (will|does|is) my [next] (alarm|alarm clock|reminder) (go off|ring|sound|set|set for|going to go off) [<alarm_filter_after>]',
        '(when|what time) (will|do|does) (i|it) (wake up|get woken|get up|ring)',
        '(what|when) (time|day) (is|are) [my|the] [next] (alarm|alarms|reminder|reminders) [set for|for] [<alarm_filter_after>]',
        '(do|did|have) (i|you|we) (have|set|got) [an|any|a|my] [{day_period:period}] (alarm|alarms|reminder|reminders|wake up call) [set|on|scheduled] [to wake me [up]] [<alarm_filter_after>]',
        '(do|did|have) (i|we) set [an|any|a|my|the] (alarm|alarms|reminder|reminders) [to wake [me] up] [<alarm_filter_after>]',
        '(is|are) (my|the|an|any|there an|there any|there a) [{day_period:period}] (alarm|alarms|reminder|reminders|wake up call) (set|on|active|scheduled) [<alarm_filter_after>]',
        '(is|are) (my|the) {alarm_label:name} (alarm|alarms|reminder|reminders) (set|on|active|scheduled) [<alarm_filter_after>]',
        '(is|are) there (an|any|a) [{day_period:period}] (alarm|alarms|reminder|reminders) [set|on|scheduled] [<alarm_filter_after>]',
        '(is|are) [the|my] (alarm|alarms) (on|set|active)',
        '(list|show|tell|read|give|check|review|display|report|provide|say|recite|name|let me know) [me|us] [out|back|about] [with] [all|all of|each of] [the|my|our] [current|upcoming|set|active|different|existing|scheduled|next|{day_period:period}] (alarms|alarm|reminders|reminder|alarm clocks|alarm times|alarm timings|alarm settings|alarm schedule|wake up calls) [time|times|timings|settings|schedule|set] [(that|which) (i have|you have|are|i) set] [<alarm_filter_after>]',
        '(list|show|tell|give|provide) [me] [the] (times|time|details) (of|for) [all] [my|the] (alarms|alarm|reminders)',
        '(tell|give|show|provide) me [about] [the|my] (alarm|alarms) [times|timings|settings|information|info|details|status]',
        '(tell|give|show|provide) me the (alarm|alarms) (times|timings|settings|time|status) (you have|i have|that are) set',
        'how many (alarms|reminders) (do i have|are there|have i got|are set|did i set) [set] [<alarm_filter_after>]',
        '[my|the] next (alarm|alarms|reminder|wake up call)',
        '[my|the] (alarms|reminders|alarm list|alarm times|alarm status|alarm settings|upcoming alarms)',
        '(alarm|alarms) (status|list|times|settings|check|info|information|details)',
        'check [my|the|on|on my] (alarm|alarms|reminders)',
        '(what|which) (alarm|alarms|reminders) (have you|did you) (got|get|set)',
        "(what's|what is) (set|on) [for] <on_day>",
        'when (am i|do i|should i) (waking up|wake up|getting up) [<alarm_filter_after>]',
      ],
    },
  ],
});
