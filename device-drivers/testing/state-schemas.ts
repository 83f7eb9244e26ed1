/** The state schema the hub's driver for each device type validates with, for tests that check payloads against them. */
import type { z } from 'zod';
import { applianceStateSchema } from '../appliance/protocol.js';
import { climateStateSchema } from '../climate/protocol.js';
import { coverStateSchema } from '../cover/protocol.js';
import { lightStateSchema, switchStateSchema } from '../light/protocol.js';
import { lockStateSchema } from '../lock/protocol.js';
import { mediaPlayerStateSchema } from '../media_player/protocol.js';
import { vehicleStateSchema } from '../vehicle/protocol.js';
import { deviceTypes } from '../../device-types/index.js';
import type { DeviceTypeDefinition } from '../../hub/sdk/index.js';

export const STATE_SCHEMA_BY_TYPE: Readonly<Record<string, z.ZodType>> = {
  light: lightStateSchema,
  switch: switchStateSchema,
  climate: climateStateSchema,
  cover: coverStateSchema,
  lock: lockStateSchema,
  media_player: mediaPlayerStateSchema,
  vehicle: vehicleStateSchema,
  appliance: applianceStateSchema,
  // Types whose folder serves them (`nativeDriver: true`) validate with the folder's state schema.
  ...Object.fromEntries(
    (Object.entries(deviceTypes) as [string, DeviceTypeDefinition][]).flatMap(([name, t]) =>
      t.nativeDriver && t.state ? [[name, t.state]] : [],
    ),
  ),
};
