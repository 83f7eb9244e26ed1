import { COMMANDS, defineNativeDriver } from '../../hub/sdk/index.js';
import { genericParamsSchema, genericStateSchema } from './protocol.js';

export const nativeDriver = defineNativeDriver({
  name: 'native',
  stateSchema: () => genericStateSchema,
  commands: (device) => Object.fromEntries(COMMANDS[device.type].map((name) => [name, genericParamsSchema])),
});
