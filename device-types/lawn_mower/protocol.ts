/** Robot lawn mowers on the Hearth native protocol: Home Assistant's `lawn_mower` activities and commands. */
import { z } from 'zod';

/** Home Assistant's lawn mower activities, plus `returning` (on its way to the dock). */
export const MOWER_ACTIVITIES = ['mowing', 'paused', 'returning', 'docked', 'error'] as const;

export const lawnMowerStateSchema = z.looseObject({
  activity: z.enum(MOWER_ACTIVITIES).optional(),
  battery_percent: z.number().min(0).max(100).optional(),
  mowed_percent: z.number().min(0).max(100).optional(),
  error: z.string().max(200).optional(),
});

const none = z.strictObject({});
export const lawnMowerCommandSchemas = { start_mowing: none, pause: none, dock: none };

export const lawnMowerEventSchemas = {
  mowing_done: z.looseObject({ mowed_percent: z.number().min(0).max(100) }),
  stuck: z.looseObject({ error: z.string().max(200) }),
};
