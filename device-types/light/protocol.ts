/**
 * Lights over the Hearth native protocol (hub/sdk/protocol.ts topics): the state attributes a light reports and the
 * params each command takes.
 */
import { z } from 'zod';

export const percent = z.number().min(0).max(100);
/** A color name ("warm white", "red") or #rrggbb. */
export const color = z.string().trim().min(1).max(32);
export const colorTempKelvin = z.number().int().min(1000).max(12000);

export const lightStateSchema = z.looseObject({
  on: z.boolean().optional(),
  brightness: percent.optional(),
  color: color.optional(),
  color_temp_kelvin: colorTempKelvin.optional(),
});

const none = z.strictObject({});

export const lightCommandSchemas = {
  turn_on: z.strictObject({
    brightness: percent.optional(),
    color: color.optional(),
    color_temp_kelvin: colorTempKelvin.optional(),
    transition_ms: z.number().int().min(0).max(60_000).optional(),
  }),
  turn_off: z.strictObject({ transition_ms: z.number().int().min(0).max(60_000).optional() }),
  toggle: none,
};
