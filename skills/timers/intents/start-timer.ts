/** HassStartTimer: Starts a timer, optionally named. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS } from './slots.js';

export const startTimer = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  sentences: [
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
});
