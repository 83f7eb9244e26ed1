import { defineNativeDriver } from '../../hub/sdk/index.js';
import { commandsOf } from '../../device-types/index.js';
import { genericParamsSchema, genericStateSchema } from './protocol.js';

export const nativeDriver = defineNativeDriver({
  name: 'native',
  stateSchema: () => genericStateSchema,
  commands: (device) => Object.fromEntries(commandsOf(device.type).map((name) => [name, genericParamsSchema])),
});
