/** Timers (HassStartTimer … HassTimerStatus); durations via <duration>, names via a wildcard. */
import type { IntentSentences } from '../../sentences.js';

export const timers: IntentSentences[] = [
  {
    intent: 'HassStartTimer',
    data: [
      {
        sentences: [
          '(set|start|make|create) [a|an|the|me a] <timer_word> (for|of|to) <duration>',
          '(set|start|make|create) [a|an] <duration> <timer_word>',
          '<timer_word> (for|of) <duration>',
          '<duration> <timer_word>',
          '<timer_word> <duration>',
          'count down [from] <duration>',
          'countdown [from] <duration>',
          '(wake me|remind me|tell me|let me know|ping me) in <duration>',
          'time (me for|this for) <duration>',
          'give me <duration>',
          '(set|start|make|create) [a|an] {timer_name:name} <timer_word> (for|of) <duration>',
          '(set|start|make|create) [a|an] <duration> {timer_name:name} <timer_word>',
          '(set|start) [a|an] <timer_word> (for|of) <duration> (for|called|named) [the] {timer_name:name}',
        ],
      },
    ],
  },
  {
    intent: 'HassCancelTimer',
    data: [
      {
        sentences: [
          '(cancel|stop|delete|remove|kill|end|clear) <my_timer>',
          '(cancel|stop|delete|remove|end|clear) [all] [the|my] (timers|countdowns|alarms)',
          '(cancel|stop|delete|remove) [the|my] {timer_name:name} <timer_word>',
          '(turn off|shut off|switch off) <my_timer>',
          'never mind [about] <my_timer>',
          '(i do not|we do not) need <my_timer> [anymore]',
          '<timer_word> (off|stop|cancel)',
        ],
      },
    ],
  },
  {
    intent: 'HassPauseTimer',
    data: [
      { sentences: ['(pause|hold|freeze|suspend) <my_timer>', '(pause|hold) [the|my] {timer_name:name} <timer_word>', 'put <my_timer> on (hold|pause)', '<timer_word> pause'] },
    ],
  },
  {
    intent: 'HassUnpauseTimer',
    data: [
      {
        sentences: ['(resume|unpause|continue|restart|unfreeze) <my_timer>', '(resume|unpause|continue) [the|my] {timer_name:name} <timer_word>', '(start|keep) <my_timer> (again|going|running)', 'let <my_timer> (run|continue)', '<timer_word> resume'],
      },
    ],
  },
  {
    intent: 'HassTimerStatus',
    data: [
      {
        sentences: [
          'how much time is (left|remaining) [on <my_timer>]',
          'how (much longer|long) is (left|remaining) [on <my_timer>]',
          'how (much longer|long) (on|for) <my_timer>',
          'how long until <my_timer> (goes off|is done|rings|ends)',
          '(what is the|check [the]) (status|time) (of|on) <my_timer>',
          '<timer_word> status',
          'how is <my_timer> (doing|going)',
          'how much time do (i|we) have left',
          'when (will|does) <my_timer> (go off|end|ring|finish)',
          'how long (is|are) left on [the|my] {timer_name:name} <timer_word>',
        ],
      },
    ],
  },
  {
    intent: 'HassIncreaseTimer',
    data: [
      {
        sentences: [
          'add <duration> [(to|onto) <my_timer>]',
          '(extend|increase|lengthen) <my_timer> by <duration>',
          'give me [another|an extra] <duration> [more] on <my_timer>',
          'put <duration> more on <my_timer>',
          '<duration> more (on|to) <my_timer>',
          'add <duration> to [the|my] {timer_name:name} <timer_word>',
        ],
      },
    ],
  },
  {
    intent: 'HassDecreaseTimer',
    data: [
      {
        sentences: [
          '(take|remove|subtract|knock|cut) <duration> (off|from) <my_timer>',
          '(shorten|decrease|reduce) <my_timer> by <duration>',
          '<duration> less (on|for) <my_timer>',
          '(take|remove|subtract|knock) <duration> (off|from) [the|my] {timer_name:name} <timer_word>',
        ],
      },
    ],
  },
];
