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
  /**
   * "open the garage door", "open the front gate": a cover whose device class is garage, gate or door (Home
   * Assistant's cover classes for a motorised entry), also set_position above 0. Windows, blinds, curtains,
   * awnings and shutters never ask.
   */
  openDoorsAndGates: z.boolean().default(true),
  openGarageDoors: z
    .custom<undefined>((v) => v === undefined, {
      error:
        'renamed to skills.confirm.openDoorsAndGates, which also covers gates and motorised doors; rename the line',
    })
    .optional(),
  pin: z
    .strictObject({
      /** Ask for the household PIN (commerce.pin.hash) instead of a plain yes. */
      required: z.boolean().default(false),
      hash: z
        .custom<undefined>((v) => v === undefined, {
          error:
            'the PIN hash moved to commerce.pin.hash: one household PIN for purchases and unlocking; move the line there',
        })
        .optional(),
    })
    .prefault({}),
});
