import { z } from 'zod';
import { DEVICE_TYPES } from '../../device-types/index.js';
import { DEVICE_ID_PATTERN } from '../sdk/protocol.js';

const id = z
  .string()
  .regex(
    DEVICE_ID_PATTERN,
    'must be lowercase letters, digits, "-" or "_" (at most 64), starting with a letter or digit',
  );
const name = z.string().trim().min(1, 'must not be empty').max(100);
const aliases = z.array(name).default([]);

export const floorSchema = z.strictObject({ id, name, aliases });
export const areaSchema = z.strictObject({ id, name, aliases, floor: id.optional() });
export const deviceSchema = z.strictObject({
  id,
  name,
  aliases,
  area: id.optional(),
  type: z.enum(DEVICE_TYPES),
  device_class: z.string().min(1).max(64).optional(),
});
