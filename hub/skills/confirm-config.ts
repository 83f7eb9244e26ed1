import { z } from 'zod';

/** The format `hub/mqtt/password-hash.ts` writes: `scrypt$N$r$p$<salt b64url>$<hash b64url>`. */
const SCRYPT_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/;

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
      /** Ask for the PIN instead of a plain yes. */
      required: z.boolean().default(false),
      /** Never the PIN itself: the scrypt hash `hearth pin-hash` prints. */
      hash: z.string().regex(SCRYPT_HASH, 'must be the scrypt hash printed by `hearth pin-hash` (scrypt$…), never the PIN itself').optional(),
    })
    .refine((p) => !p.required || p.hash !== undefined, { message: 'required is true but no hash is set: run `hearth pin-hash` and put its output in skills.confirm.pin.hash', path: ['hash'] })
    .prefault({}),
});
export type SpokenConfirmConfig = z.infer<typeof spokenConfirmSchema>;
