/** Vacuum, clock, dismissals, confirmations and help. */
import type { IntentSentences } from '../../sentences.js';

export const misc: IntentSentences[] = [
  {
    intent: 'HassVacuumStart',
    data: [
      { sentences: ['(start|run|turn on|fire up|launch) <name>', '<name> (start|go|clean)', '(tell|have|ask) <name> to (clean|vacuum|start) [<where>]'], slots: { domain: 'vacuum' } },
      {
        sentences: [
          '(start|run|turn on|fire up|launch) [the|my] (vacuum|robot|hoover|roomba|vacuum cleaner|robot vacuum) [<where>]',
          '(vacuum|hoover|clean) [the] (floor|floors|house|home|place|carpet|carpets)',
          '(vacuum|hoover|clean) <area>',
          'start (cleaning|vacuuming|hoovering) [<where>]',
          '(time to|let us|go) (clean|vacuum) [<where>]',
          'send [the|my] (vacuum|robot|roomba) (to clean|cleaning|to work)',
          '(vacuum|robot) (start|go|clean) [<where>]',
        ],
        slots: { domain: 'vacuum' },
      },
    ],
  },
  {
    intent: 'HassVacuumReturnToBase',
    data: [
      { sentences: ['(send|take) <name> (home|back [home]|to [its|the] (base|dock|charger))', 'dock <name>', '<name> (go home|return [home]|dock)'], slots: { domain: 'vacuum' } },
      {
        sentences: [
          '(send|take) [the|my] (vacuum|robot|hoover|roomba) (home|back [home]|to [its|the] (base|dock|charger))',
          'return [the|my] (vacuum|robot|roomba) [to [its|the] (base|dock|charger)]',
          '(dock|park|recall) [the|my] (vacuum|robot|roomba)',
          '[the] (vacuum|robot|roomba) (go home|return [home]|dock|go back [to [the] dock])',
          'stop (vacuuming|cleaning) and go home',
        ],
        slots: { domain: 'vacuum' },
      },
    ],
  },
  {
    intent: 'HassGetCurrentTime',
    data: [
      {
        sentences: [
          'what time is it [now|right now]',
          'what is the [current] time [now|right now]',
          '(tell me|give me) the time',
          'do you (know|have) [what] the time [is]',
          'do you know what time it is',
          '(got|have you got) the time',
          '[the] time please',
          'what time have we got',
          'current time',
          'how late is it',
        ],
      },
    ],
  },
  {
    intent: 'HassGetCurrentDate',
    data: [
      {
        sentences: [
          'what is [the|today|todays] date [today]',
          'what (day|date) is (it|today) [today]',
          'what is today',
          '(tell me|give me) [the|today|todays] date',
          'what day of the (week|month) is it',
          'which day is it [today]',
          'what is the day today',
          '(today|todays) date',
          'what month is it',
        ],
      },
    ],
  },
  {
    intent: 'HassNevermind',
    data: [{ sentences: ['never mind', 'nevermind', 'forget it', 'forget about it', 'ignore (that|me)', 'nothing', 'oops', 'my mistake', 'do not worry about it', 'sorry wrong (button|person)', 'i was not talking to you'] }],
  },
  {
    intent: 'HassYes',
    data: [
      {
        sentences: [
          '(yes|yeah|yep|yup|sure|ok|okay|alright|correct|right|affirmative|absolutely|definitely) [please|thanks|thank you]',
          '(yes|yeah|yep|sure|ok|okay) (go ahead|do it|please do|that is right|that is it|confirm)',
          'go ahead', 'do it', 'please do', 'confirm', 'confirmed', 'that is (right|correct|it)', 'sounds good', 'make it so', 'go for it',
        ],
      },
    ],
  },
  {
    intent: 'HassNo',
    data: [
      {
        sentences: [
          '(no|nope|nah|negative) [thanks|thank you|way]',
          '(no|nope) (do not|cancel|stop) [it|that]',
          'cancel [that|it]', 'do not [do it|do that]', 'stop', 'not now', 'abort', 'that is (wrong|not right)', 'no (do not|that is wrong)', 'i changed my mind',
        ],
      },
    ],
  },
  {
    intent: 'HearthHelp',
    data: [
      {
        sentences: [
          'what can you do', 'what (can|should) i (say|ask) [you]', 'help [me]', 'how (do i|does this) work', 'what (commands|things) do you (know|understand)',
          'what do you understand', '(show|tell) me what you can do', 'what are you able to do', 'i need help',
        ],
      },
    ],
  },
];
