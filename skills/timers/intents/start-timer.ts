/** HassStartTimer: starts a timer, optionally named ("a ten minute pizza timer"). */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS } from './slots.js';

const set = '(set|start|make|create|put on|begin|give me|i need|i want|can i have|can you set)';
// A new timer has no start_* (Home Assistant's HassStartTimer): "a ten minute timer" is how long it runs.
const { start_hours: _h, start_minutes: _m, start_seconds: _s, ...START_SLOTS } = TIMER_SLOTS;

export const startTimer = defineIntent({
  targets: 'none',
  slots: START_SLOTS,
  cues: {
    actions: [
      'timer',
      { words: 'countdown', weight: 0.75 },
      ...weighted(0.25, 'set', 'start'),
      { words: 'time me', weight: 0.75 },
    ],
    needsOneOf: ['hours', 'minutes', 'seconds'],
  },
  sentences: [
    // What the recogniser hears: the common forms, compact so the grammar stays small.
    {
      sentences: [
        '(set|start|make|create) [a|an|the|me a] <timer_word> (for|of|to) <duration>',
        '(set|start|make|create) [a|an] <duration> <timer_word>',
        '<timer_word> [for|of] <duration>',
        '<duration> <timer_word>',
        'count down [from] <duration>',
        '(wake me|tell me|let me know|ping me) in <duration>',
        'give me <duration>',
        '(set|start|make|create) [a|an] {timer_name:name} <timer_word> (for|of) <duration>',
        '(set|start|make|create) [a|an] <duration> {timer_name:name} <timer_word>',
      ],
    },
    // The many other ways to say it, typed (or heard by a free-speech recogniser).
    {
      spoken: false,
      sentences: [
        `${set} [a|an|the|me a] <timer_word> [for|of|to|at] <duration>`,
        `${set} [a|an|me a] <duration> <timer_word>`,
        'countdown [from] <duration>',
        'shout in <duration>',
        'time (me for|this for) <duration>',
        `${set} [a|an] {timer_name:name} <timer_word> (for|of) <duration>`,
        `${set} [a|an] <duration> {timer_name:name} <timer_word>`,
        `${set} [a|an] <duration> <timer_word> (for|called|named) [the] {timer_name:name}`,
        `${set} [a|an] <timer_word> (for|of) <duration> (for|called|named) [the] {timer_name:name}`,
        `${set} [a|an] <timer_word> (called|named) {timer_name:name} (for|of) <duration>`,
        '{timer_name:name} <timer_word> [for|of] <duration>',
      ],
    },
  ],
});
