/** The alarm intents' slots, from the hub's time lexicon (hub/language/lexicon/time.ts) and duration lists. */
import { TARGET_SLOTS } from '../../../hub/sdk/index.js';

/** A time of day: "at half past six", "quarter to seven", "7 pm". */
export const CLOCK_TIME_SLOTS = {
  hour: { list: 'clock_hour' },
  minute: { list: 'clock_minute' },
  minute_to: { list: 'clock_minute' },
  period: { list: 'day_period' },
} as const;

/** A length of time: "for ten minutes", "an hour and a half". */
export const DURATION_SLOTS = {
  hours: { list: 'hours' },
  minutes: { list: 'minutes' },
  seconds: { list: 'seconds' },
} as const;

const WHEN = {
  ...CLOCK_TIME_SLOTS,
  day: { list: 'alarm_day' },
  repeat: { list: 'alarm_repeat' },
  ...DURATION_SLOTS,
} as const;

export const ALARM_SLOTS = { ...WHEN, name: { list: 'alarm_label' }, all: { list: 'alarm_all' } } as const;
/** Setting one for another room ("set an alarm in the kids room for 7"): it rings there. */
export const SET_ALARM_SLOTS = { ...ALARM_SLOTS, area: TARGET_SLOTS.area } as const;
export const REMINDER_SLOTS = { ...SET_ALARM_SLOTS, message: { list: 'reminder_text' } } as const;
