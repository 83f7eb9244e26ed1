/** Switches and plugs over the Hearth native protocol; a plug (device_class `outlet`) may report its power draw. */
import { z } from 'zod';

export const switchStateSchema = z.looseObject({
  on: z.boolean().optional(),
  power_w: z.number().min(0).optional(),
  energy_kwh: z.number().min(0).optional(),
});

const none = z.strictObject({});
export const switchCommandSchemas = { turn_on: none, turn_off: none, toggle: none };
