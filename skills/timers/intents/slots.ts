/** The timer intents' slots: the duration by unit, and the timer's name (free text). */
export const TIMER_SLOTS = {
  hours: { list: 'hours' },
  minutes: { list: 'minutes' },
  seconds: { list: 'seconds' },
  name: { list: 'timer_name' },
} as const;
