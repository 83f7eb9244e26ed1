/** zod schemas for everything that enters the device layer through its service methods. */
import { z } from 'zod';
import { DEVICE_ID_PATTERN, describeIssues, HubError } from '../sdk/index.js';
import { DEVICE_TYPES } from '../../device-types/index.js';

export const entityId = z
  .string()
  .regex(
    DEVICE_ID_PATTERN,
    'must be lowercase letters, digits, "-" or "_" (at most 64), starting with a letter or digit',
  );
const name = z.string().trim().min(1, 'must not be empty').max(100);
const aliases = z.array(name).max(50);

export const floorInputSchema = z.strictObject({ id: entityId, name, aliases: aliases.default([]) });
export const floorPatchSchema = z.strictObject({ name: name.optional(), aliases: aliases.optional() });
export const areaInputSchema = z.strictObject({
  id: entityId,
  name,
  aliases: aliases.default([]),
  floor: entityId.optional(),
});
export const areaPatchSchema = z.strictObject({
  name: name.optional(),
  aliases: aliases.optional(),
  floor: entityId.nullable().optional(),
});

const driverFields = {
  aliases: aliases.optional(),
  area: entityId.optional(),
  deviceClass: z.string().min(1).max(64).optional(),
  driver: z.string().min(1).max(64).optional(),
  driverConfig: z.record(z.string(), z.unknown()).optional(),
  capabilities: z.array(z.string().min(1).max(64)).max(50).optional(),
};
export const deviceInputSchema = z.strictObject({ id: entityId, name, type: z.enum(DEVICE_TYPES), ...driverFields });
export const devicePatchSchema = z.strictObject({
  name: name.optional(),
  type: z.enum(DEVICE_TYPES).optional(),
  ...driverFields,
  area: entityId.nullable().optional(),
});

/** Parses or throws VALIDATION_FAILED naming every path. */
export function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HubError('VALIDATION_FAILED', `Invalid ${what}: ${describeIssues(result.error)}.`, {
      issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  return result.data;
}
