/** HearthSnooze: the ringing alarm or reminder rings again later ("five more minutes"). */
import { defineIntent } from '../../../hub/sdk/index.js';
import { DURATION_SLOTS } from './slots.js';

export const snooze = defineIntent({
  targets: 'none',
  slots: DURATION_SLOTS,
  sentences: [
    {
      sentences: ['snooze [it|the alarm] [for {minutes:minutes} minutes]', '{minutes:minutes} more minutes'],
    },
    {
      // Typed (and heard in other words once the recogniser takes free speech): too many ways to say it for the JSGF grammar.
      spoken: false,
      sentences: [
        'snooze [it|that|this|the alarm|my alarm|the reminder|alarm|the timer] [for <duration>|<duration>]',
        // "give me ten minutes" alone is a timer: a snooze says "more", "longer" or "another".
        '[just|only|give me|let me have|can i have|i want|i need] (another|an extra) <duration> [more|longer]',
        '[just|only|give me|let me have|can i have|i want|i need] <duration> (more|longer)',
        '[just|only] <duration> more [please]',
        '[just|only|give me|let me have|i want|i need] [another] {minutes:minutes} more (minute|minutes|mins)',
        '(give|let) me [sleep] [for] (another|an extra) <duration> [more|longer]',
        'let me sleep [for] <duration> [more|longer]',
        'let me sleep [a little|a bit|for a bit] [longer|more]',
        '(not yet|later|in a minute|a few more minutes|five more minutes please)',
        'snooze button',
        'hit snooze',
        '(remind|wake) me again <in_time>',
      ],
    },
  ],
});
