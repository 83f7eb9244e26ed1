/** Covers (garage doors, blinds, shutters) over the Hearth native protocol. Position 100 = fully open. */
import { z } from 'zod';

export const COVER_STATES = ['open', 'closed', 'opening', 'closing', 'stopped'] as const;
export const position = z.number().int().min(0).max(100);

export const coverStateSchema = z.looseObject({
  state: z.enum(COVER_STATES).optional(),
  /** Reported positions may be fractional while the cover moves. */
  position: z.number().min(0).max(100).optional(),
});

export const coverCommandSchemas = {
  open: z.strictObject({}),
  close: z.strictObject({}),
  stop: z.strictObject({}),
  set_position: z.strictObject({ position }),
};
