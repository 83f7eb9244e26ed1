/** Humidifiers and dehumidifiers on the Hearth native protocol: on/off, a target humidity in percent, a mode. */
import { z } from 'zod';

/** Setpoints a Hearth native humidifier accepts (Home Assistant's own default range is 0–100). */
export const HUMIDITY_SETPOINT = { min: 30, max: 80 } as const;
/** Home Assistant's humidifier modes; a device offers some of them (`available_modes`). */
export const HUMIDIFIER_MODES = ['normal', 'eco', 'away', 'boost', 'comfort', 'home', 'sleep', 'auto', 'baby'] as const;
export const HUMIDIFIER_ACTIONS = ['off', 'idle', 'humidifying', 'drying'] as const;

const targetHumidity = z.number().min(HUMIDITY_SETPOINT.min).max(HUMIDITY_SETPOINT.max);
const mode = z.enum(HUMIDIFIER_MODES);

export const humidifierStateSchema = z.looseObject({
  on: z.boolean().optional(),
  target_humidity: targetHumidity.optional(),
  current_humidity: z.number().min(0).max(100).optional(),
  mode: mode.optional(),
  available_modes: z.array(mode).max(HUMIDIFIER_MODES.length).optional(),
  action: z.enum(HUMIDIFIER_ACTIONS).optional(),
  water_percent: z.number().min(0).max(100).optional(),
});

const none = z.strictObject({});
export const humidifierCommandSchemas = {
  turn_on: none,
  turn_off: none,
  toggle: none,
  set_humidity: z.strictObject({ humidity: targetHumidity }),
  set_mode: z.strictObject({ mode }),
};

export const humidifierEventSchemas = {
  water_low: z.looseObject({ water_percent: z.number().min(0).max(100) }),
};
