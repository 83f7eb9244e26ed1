/**
 * HearthSayWhen: a time said on its own ("at five", "in twenty minutes", "tomorrow at 9"), the answer when an
 * alarm or reminder was asked for without one ("When should I remind you?"). Alone it asks what the time is for.
 */
import { defineIntent } from '../../../hub/sdk/index.js';
import { ALARM_SLOTS } from './slots.js';

export const sayWhen = defineIntent({
  targets: 'none',
  slots: ALARM_SLOTS,
  sentences: [
    {
      sentences: ['at <spoken_time> [<on_day>]', '<on_day> at <spoken_time>', 'in <duration>'],
    },
    {
      // Typed (and heard in other words once the recogniser takes free speech).
      spoken: false,
      sentences: [
        '[make it|how about|let us say|say|maybe] <when>',
        '[make it|how about|let us say|say|maybe] <on_day>',
      ],
    },
  ],
});
