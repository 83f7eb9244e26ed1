/**
 * Appliances (device_class washer, dryer, dishwasher, coffee_machine, oven) over the Hearth native protocol.
 * Consumables are levels keyed by name: `detergent_percent`, `rinse_aid_percent`, `pods_left`, `water_percent`…
 */
import { z } from 'zod';

export const PROGRAM_STATES = ['idle', 'running', 'paused', 'done', 'error'] as const;
const consumableName = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'must be a snake_case name');

export const applianceStateSchema = z.looseObject({
  on: z.boolean().optional(),
  program_state: z.enum(PROGRAM_STATES).optional(),
  program: z.string().max(64).optional(),
  remaining_minutes: z.number().min(0).optional(),
  consumables: z.record(consumableName, z.number().min(0)).optional(),
});

/** In the order of the protocol's vocabulary (docs/mqtt.md). */
export const applianceCommandSchemas = {
  /** e.g. washer "cotton_40", dishwasher "eco", coffee machine "espresso"; without one, the appliance's default program. */
  start_program: z.strictObject({ program: z.string().trim().min(1).max(64).optional() }),
  /** Holds a running program where it is (the remaining time stands still). */
  pause_program: z.strictObject({}),
  resume_program: z.strictObject({}),
  stop_program: z.strictObject({}),
  turn_on: z.strictObject({}),
  turn_off: z.strictObject({}),
};

/** Events an appliance publishes on its event topic. */
export const applianceEventSchemas = {
  consumable_low: z.looseObject({ consumable: z.string().min(1).max(48), level: z.number().min(0) }),
  program_done: z.looseObject({ program: z.string().max(64).optional() }),
};
