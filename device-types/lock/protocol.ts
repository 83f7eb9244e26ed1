/** Door locks over the Hearth native protocol. */
import { z } from 'zod';

export const LOCK_STATES = ['locked', 'unlocked', 'locking', 'unlocking', 'jammed'] as const;

export const lockStateSchema = z.looseObject({
  locked: z.boolean().optional(),
  lock_state: z.enum(LOCK_STATES).optional(),
  battery_percent: z.number().min(0).max(100).optional(),
});

export const lockCommandSchemas = {
  lock: z.strictObject({}),
  /** Some locks require a PIN code to unlock. */
  unlock: z.strictObject({
    code: z
      .string()
      .regex(/^\d{4,8}$/, 'must be 4 to 8 digits')
      .optional(),
  }),
};
