/**
 * Alarms and reminders as skills and the API see them (the `alarms` permission), and what is ringing.
 * Kept by the hub in SQLite (hub/alerts): they survive a restart, and one that came due while the hub was
 * down rings once when it is back. Times of day are the hub's local time.
 */

/** 0 = Sunday … 6 = Saturday, as `Date.getDay()` counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type AlarmKind = 'alarm' | 'reminder';

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export interface AlarmInput {
  kind?: AlarmKind;
  /** One-shot: rings once at this epoch ms. */
  at?: number;
  /** Recurring: the local time of day it rings, on `days`. */
  time?: TimeOfDay;
  /** With `time`: the weekdays it repeats on; empty or absent with `time` means the next time that clock time comes. */
  days?: Weekday[];
  /** What the person called it ("taxi", "school"). */
  label?: string;
  /** A reminder's message, spoken when it is due ("call grandma"). */
  message?: string;
  /** Where it rings: the area that set it, or one the person named. */
  area?: string;
  /** The satellite that heard the request: it rings there. */
  satellite?: string;
  /** Whose it is, when the speaker is known. */
  user?: string;
}

export interface Alarm {
  id: string;
  kind: AlarmKind;
  /** Local time of day it rings. */
  time: TimeOfDay;
  /** Weekdays it repeats on; empty for a one-shot. */
  days: Weekday[];
  label?: string;
  message?: string;
  area?: string;
  satellite?: string;
  user?: string;
  enabled: boolean;
  /** Epoch ms of the next time it rings (a snooze included); absent when it will not ring again. */
  nextAt?: number;
  /** Set while snoozed: when it rings again. */
  snoozedUntil?: number;
  /** A repeating alarm skips its ring on this day (local midnight, epoch ms). */
  skipDay?: number;
  /** It is ringing now. */
  ringing: boolean;
  /** "every weekday at 6:30", "tomorrow at 7:00". */
  description: string;
  createdAt: number;
}

export interface AlarmChange {
  time?: TimeOfDay;
  days?: Weekday[];
  /** Moves a one-shot to this epoch ms. */
  at?: number;
  label?: string | null;
  message?: string | null;
  area?: string | null;
  enabled?: boolean;
  /** A repeating alarm does not ring on the day of this moment (epoch ms; "no alarm tomorrow"), and rings again after; null un-skips. */
  skipDay?: number | null;
}

export type RingKind = 'alarm' | 'reminder' | 'timer';

/** Something sounding now: an alarm or reminder that came due, or a timer that finished. */
export interface Ringing {
  id: string;
  kind: RingKind;
  /** The alarm's or timer's id. */
  sourceId: string;
  message: string;
  area?: string;
  /** The satellites it sounds on. */
  satellites: string[];
  startedAt: number;
  /** It stops by itself then (`alerts.ringCapMs`). */
  endsAt: number;
}

/** Which rings a stop or snooze is about: those in the area or on the satellite; all when both are absent. */
export interface RingFilter {
  area?: string;
  satellite?: string;
}

export interface SkillAlarms {
  set(input: AlarmInput): Promise<Alarm>;
  /** Soonest first. With `user`, that person's alarms and the household's (those set by nobody in particular). */
  list(filter?: { kind?: AlarmKind; user?: string }): Promise<Alarm[]>;
  update(id: string, change: AlarmChange): Promise<Alarm>;
  remove(id: string): Promise<void>;
  ringing(filter?: RingFilter): Promise<Ringing[]>;
  /** Silences what sounds there: rings, and a reply being spoken. Resolves with the rings it stopped. */
  stop(filter?: RingFilter): Promise<Ringing[]>;
  /** Alarms and reminders ringing there ring again after `ms` (the configured snooze when absent). */
  snooze(filter?: RingFilter, ms?: number): Promise<Alarm[]>;
}
