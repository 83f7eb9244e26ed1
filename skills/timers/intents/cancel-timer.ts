/** HassCancelTimer: cancels one timer; HassCancelAllTimers: every timer ("all my timers"). */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { TIMER_SLOTS, WHICH } from './slots.js';

const cancel =
  '(cancel|stop|delete|remove|kill|end|clear|get rid of|turn off|shut off|switch off|dismiss|scrap|forget)';
export const cancelTimer = defineIntent({
  targets: 'none',
  slots: TIMER_SLOTS,
  cues: {
    actions: [
      'cancel timer',
      'stop timer',
      'delete timer',
      'remove timer',
      'kill timer',
      'end timer',
      'clear timer',
      'turn off timer',
      'get rid of timer',
    ],
  },
  sentences: [
    `${cancel} <my_timer>`,
    ...WHICH.map((which) => `${cancel} ${which}`),
    'never mind [about] <my_timer>',
    '(i do not|we do not) need <my_timer> [anymore|any more]',
    '<timer_word> (off|stop|cancel)',
  ],
});

export const cancelAllTimers = defineIntent({
  targets: 'none',
  slots: { area: TIMER_SLOTS.area },
  cues: {
    // "Every timer, cancel them", "cancel each timer in the house": all of them said, and a verb that ends one.
    actions: [
      ...['cancel all timers', 'stop all timers', 'delete all timers', 'clear all timers'].map((words) => ({
        words,
        isTopic: true,
      })),
      { words: 'all timers', isTopic: true },
      { words: 'all timer', isTopic: true },
      { words: 'every timer', isTopic: true },
      { words: 'each timer', isTopic: true },
      { words: 'timers', isTopic: true },
      ...weighted(0.5, 'cancel', 'stop', 'delete', 'clear', 'kill', 'remove', 'scrap', 'end', 'get rid of', 'off'),
    ],
    topics: ['countdowns'],
    needsTopic: true,
  },
  sentences: [
    `${cancel} (all|every|each) [of] [the|my|our] (timer|timers|countdowns)`,
    `${cancel} [all] [the|my|our] (timers|countdowns)`,
    `${cancel} [all] [the|my] {area} timers`,
    `${cancel} [all] [the|my] timers (in|from) [the] {area}`,
  ],
});
