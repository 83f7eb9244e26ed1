/**
 * The timer intents' slots, Home Assistant's: the duration by unit (`hours`, `minutes`, `seconds`: how long, or how
 * much to add or take off), the timer meant by its length (`start_*`), its name (free text) or the room it was set in.
 */
import { TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const TIMER_SLOTS = {
  hours: { list: 'hours' },
  minutes: { list: 'minutes' },
  seconds: { list: 'seconds' },
  start_hours: { list: 'hours' },
  start_minutes: { list: 'minutes' },
  start_seconds: { list: 'seconds' },
  name: { list: 'timer_name' },
  area: TARGET_SLOTS.area,
} as const;

/** Which timer: "the pizza timer", "the timer for the pasta", "the kitchen timer", "the timer in the kitchen". */
export const WHICH = [
  // A room before a name: "the kitchen timer" is the one set in the kitchen (Home Assistant's area).
  '[the|my] {area} <timer_word>',
  '[the|my] <timer_word> (in|from) [the] {area}',
  '[the|my|our] {timer_name:name} <timer_word>',
  '[the|my] <timer_word> (for|called|named) [the] {timer_name:name}',
];

/** Any timer: "my timer" or one of `WHICH`, as one alternative for a sentence. */
export const WHICH_TIMER = `(<my_timer>|${WHICH.join('|')})`;
