/**
 * Cars over the Hearth native protocol (a cloud bridge or an on-board unit speaks it).
 * Electric cars report battery_percent, combustion cars fuel_percent; both may report range.
 */
import { z } from 'zod';

export const cabinTemperature = z.number().min(15).max(30);
export const DOOR_STATES = ['open', 'closed'] as const;

export const vehicleStateSchema = z.looseObject({
  locked: z.boolean().optional(),
  climate_on: z.boolean().optional(),
  target_temperature: cabinTemperature.optional(),
  engine_on: z.boolean().optional(),
  battery_percent: z.number().min(0).max(100).optional(),
  fuel_percent: z.number().min(0).max(100).optional(),
  range_km: z.number().min(0).optional(),
  charging: z.boolean().optional(),
  location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  /** e.g. {front_left: "closed", trunk: "open"} */
  doors: z.record(z.string().min(1).max(32), z.enum(DOOR_STATES)).optional(),
});

const none = z.strictObject({});
export const vehicleCommandSchemas = {
  lock: none,
  unlock: none,
  climate_on: z.strictObject({ temperature: cabinTemperature.optional() }),
  climate_off: none,
  set_temperature: z.strictObject({ temperature: cabinTemperature }),
  engine_start: none,
  engine_stop: none,
};
