import { z } from 'zod';

/**
 * Spoken confirmation before a voice or typed command opens the house (`skills.confirm`). Each action class can be
 * turned off by an owner who wants the old behaviour; the direct device-command API never asks.
 */
export const spokenConfirmSchema = z.strictObject({
  /** "unlock the front door": any device of type lock. */
  unlockLocks: z.boolean().default(true),
  /** "unlock the car": any device of type vehicle. */
  unlockVehicles: z.boolean().default(true),
  /** "open the garage door": a cover whose device class is garage (also set_position above 0). */
  openGarageDoors: z.boolean().default(true),
  pin: z
    .strictObject({
      /** Ask for the household PIN (commerce.pin.hash) instead of a plain yes. */
      required: z.boolean().default(false),
      hash: z.custom<undefined>((v) => v === undefined, { error: 'the PIN hash moved to commerce.pin.hash: one household PIN for purchases and unlocking; move the line there' }).optional(),
    })
    .prefault({}),
});
export type SpokenConfirmConfig = z.infer<typeof spokenConfirmSchema>;
