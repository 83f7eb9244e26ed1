/** The state schema the hub's driver for each device type validates with, for tests that check payloads against them. */
import type { z } from 'zod';
import { deviceTypes } from '../../device-types/index.js';
import type { DeviceTypeDefinition } from '../../hub/sdk/index.js';

/** Types whose folder serves them (`nativeDriver: true`) validate with the folder's state schema. */
export const STATE_SCHEMA_BY_TYPE: Readonly<Record<string, z.ZodType>> = Object.fromEntries(
  (Object.entries(deviceTypes) as [string, DeviceTypeDefinition][]).flatMap(([name, t]) =>
    t.nativeDriver && t.state ? [[name, t.state]] : [],
  ),
);
