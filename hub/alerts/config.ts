import { z } from 'zod';

const ms = (min: number, max: number) => z.number().int().min(min).max(max);

export const alertsConfigSchema = z.strictObject({
  /** An alarm, reminder or finished timer rings until stopped, but never longer than this. */
  ringCapMs: ms(5_000, 3_600_000).default(600_000),
  /** While ringing, the chime and message are played again this often. */
  repeatEveryMs: ms(2_000, 300_000).default(15_000),
  /** "snooze" without a length. */
  snoozeMs: ms(60_000, 3_600_000).default(540_000),
  /** An alarm that came due while the hub was down rings once at start, if it was missed by less than this; older ones are skipped (and logged). */
  catchUpWithinMs: ms(0, 7 * 24 * 3_600_000).default(12 * 3_600_000),
  /** Alarms and reminders kept at most (a household's, across all people). */
  maxAlarms: z.number().int().min(1).max(10_000).default(200),
});
export type AlertsConfig = z.infer<typeof alertsConfigSchema>;
