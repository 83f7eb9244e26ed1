/** HearthSetReminder: a message spoken at a time ("remind me to call grandma at five"). */
import { defineIntent } from '../../../hub/sdk/index.js';
import { REMINDER_SLOTS } from './slots.js';

export const setReminder = defineIntent({
  targets: 'none',
  slots: REMINDER_SLOTS,
  sentences: [
    {
      sentences: [
        'remind me to {reminder_text:message} at <spoken_time> [<on_day>]',
        'remind me (in <duration>|at <spoken_time>) to {reminder_text:message}',
        // No time: the hub asks "when?" and the answer is a time alone (HearthSayWhen).
        'remind me to {reminder_text:message}',
      ],
    },
    {
      // Typed (and heard in other words once the recogniser takes free speech): too many ways to say it for the JSGF grammar.
      spoken: false,
      sentences: [
        '[please] (remind|ping|alert|nudge) (me|us) to {reminder_text:message} (<when>|<on_day>)',
        '[please] (remind|ping|alert|nudge) (me|us) (<when>|<on_day>) to {reminder_text:message}',
        '[please] (remind|ping|alert|nudge) (me|us) (about|of) {reminder_text:message} <when>',
        '[please] (remind|ping|alert|nudge) (me|us) <when> (about|of|that) {reminder_text:message}',
        '[please] remind (me|us) to {reminder_text:message}',
        '[please] remind (everyone|everybody|us|them) in <area> to {reminder_text:message} [<when>]',
        '[please] remind (everyone|everybody|us|them) in <area> <when> to {reminder_text:message}',
        '[please] remind (me|us) (about|of) {reminder_text:message}',
        '[please] remind (me|us) that {reminder_text:message}',
        '<when> remind (me|us) to {reminder_text:message}',
        '(set|make|create|add|put in|schedule|give me) <an> <reminder_word> [<when>] (to|that|about|for|saying) {reminder_text:message}',
        '(set|make|create|add|put in|schedule|give me) <an> <reminder_word> (to|that|about|saying) {reminder_text:message} [<when>]',
        '(set|make|create|add|schedule) <an> <reminder_word> <when>',
        '(set|make|create|add|schedule) <an> <reminder_word>',
        '<reminder_word> [for] <when> [to|that|about] {reminder_text:message}',
        '<reminder_word> (to|that|about) {reminder_text:message} <when>',
        '<reminder_word> (to|that|about) {reminder_text:message}',
        "(do not|don't) let (me|us) forget to {reminder_text:message} [<when>]",
        "(i|we) (must not|mustn't|can not|cannot|should not|do not want to|don't want to) forget to {reminder_text:message} <when>",
        '(i|we) (need|have|want) to (remember|be reminded) to {reminder_text:message} <when>',
        '(set|make) a reminder (i|we) (need|have|want) to {reminder_text:message} <when>',
      ],
    },
  ],
});
