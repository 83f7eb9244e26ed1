/** HearthSetAlarm: an alarm at a time of day, once or repeating ("wake me at 6:30 on weekdays"). */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { SET_ALARM_SLOTS } from './slots.js';

export const setAlarm = defineIntent({
  targets: 'none',
  slots: SET_ALARM_SLOTS,
  // The second stage reads a time of day (parts/clock.ts); a request without one is set once the time is asked for.
  cues: {
    actions: [
      'set',
      'make',
      'create',
      'add',
      'put on',
      { words: 'wake me', isTopic: true },
      { words: 'wake us', isTopic: true },
      { words: 'get me up', isTopic: true },
      { words: 'get us up', isTopic: true },
      ...weighted(0.5, 'go off', 'ring'),
    ],
    topics: ['alarm', 'alarms', 'alarm clock', 'alarm clocks', 'wake up call', 'wake up calls', 'wakeup alarm'],
    needsTopic: true,
  },
  sentences: [
    {
      sentences: [
        '(set|make|create) [an|a|my] alarm [for|at] <spoken_time> [<on_day>|{alarm_repeat:repeat}]',
        '(set|make|create) [an|a|my] alarm [for] (<on_day>|{alarm_repeat:repeat}) at <spoken_time>',
        'wake me [up] at <spoken_time> [<on_day>|{alarm_repeat:repeat}]',
      ],
    },
    {
      // Typed (and heard in other words once the recogniser takes free speech): too many ways to say it for the JSGF grammar.
      spoken: false,
      sentences: [
        '<set_verb> <an> <alarm_word> [<when>]',
        '<set_verb> <an> <alarm_word> in <area> [<when>]',
        '<set_verb> <an> {repeat_word:repeat} <alarm_word> [<when>]',
        '<set_verb> <an> {alarm_label_word:name} <alarm_word> [<when>]',
        '(put|turn|switch) (an|a|the|my) <alarm_word> on [<when>]',
        '<set_verb> <an> <alarm_word> <when> (called|named|labelled|labeled|titled|saying) {alarm_label:name}',
        '<set_verb> <an> <alarm_word> (called|named|labelled|labeled|titled) {alarm_label:name} [<when>]',
        '<set_verb> <an> <alarm_word> <in_time>',
        '(set|put|make|schedule) <an> <alarm_word> to (go off|ring|sound|wake me [up]) [<when>]',
        '(set|put|make|schedule) <an> <when> <alarm_word>',
        '<alarm_word> <when>',
        '<alarm_word> (set|on) [for|at] <when>',
        '<alarm_word> [set|please]',
        '<when> <alarm_word>',
        '<set_verb> <alarm_word>',
        '[please] (wake|get) (me|us) [up] <clock_when>',
        // "wake me in 20 minutes" is the timers' (HassStartTimer); "wake me up in …" and "get me up in …" are alarms.
        '[please] (wake|get) (me|us) up <in_time>',
        '[please] get (me|us) <in_time>',
        '[please] (wake|get) (me|us) [up] [for|at] <clock_time> [{day_period:period}] [<on_day>]',
        '<when> (wake|get) (me|us) [up]',
        '(<on_day>|{alarm_repeat:repeat}) (wake|get) (me|us) [up] <at_time>',
        '(i|we) (want|need|have|would like|wish|plan) to (wake up|get up|be up|be woken up|be awake|rise) <when>',
        '(i|we) (want|need|would like) (an|a) <alarm_word> [<when>]',
        '(can|could|may) (i|we) (get|have) (an|a) <alarm_word> [<when>]',
        '(give|get) (me|us) (an|a) <alarm_word> [<when>]',
        '<when> <set_verb> <an> <alarm_word>',
        '(i|we) (need|have|want) to be (up|awake|out of bed) by <clock_time> [{day_period:period}] [<on_day>]',
        'make sure (i am|we are|im) (up|awake) (by|at|for) <clock_time> [{day_period:period}] [<on_day>]',
        '(i|we) (want|need|would like) to be woken [up] <when>',
        '(i|we) (want|need) you to wake (me|us) [up] <when>',
        '(alert|buzz|ring|call) me (at|around|by) <clock_time> [{day_period:period}] [<on_day>]',
        '(alert|buzz) me <in_time>',
        '(alert|buzz) me <on_day> [at] <clock_time> [{day_period:period}]',
        'make sure (i|we) (wake|get) up <when>',
        '(set|change|move|put) my (alarm|alarm clock|wake up) (to|for) <when>',
        'set alarm clock',
        'open [the] (alarm|alarm clock|alarm app|alarms)',
        'new <alarm_word>',
      ],
    },
  ],
});
