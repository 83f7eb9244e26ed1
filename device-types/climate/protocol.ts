/** Thermostats and HVAC over the Hearth native protocol. Temperatures in °C. */
import { z } from 'zod';
import { CLIMATE_SETPOINT_C } from '../../hub/sdk/devices.js';

export const HVAC_MODES = ['off', 'heat', 'cool', 'auto', 'dry', 'fan_only'] as const;
export const targetTemperature = z.number().min(CLIMATE_SETPOINT_C.min).max(CLIMATE_SETPOINT_C.max);

export const climateStateSchema = z.looseObject({
  on: z.boolean().optional(),
  hvac_mode: z.enum(HVAC_MODES).optional(),
  target_temperature: targetTemperature.optional(),
  current_temperature: z.number().min(-50).max(80).optional(),
  humidity: z.number().min(0).max(100).optional(),
});

export const climateCommandSchemas = {
  turn_on: z.strictObject({}),
  turn_off: z.strictObject({}),
  set_temperature: z.strictObject({ temperature: targetTemperature }),
  set_hvac_mode: z.strictObject({ hvac_mode: z.enum(HVAC_MODES) }),
};
