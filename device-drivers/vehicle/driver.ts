import { defineNativeDriver } from '../../hub/sdk/index.js';
import { vehicleCommandSchemas, vehicleStateSchema } from './protocol.js';

export const vehicleDriver = defineNativeDriver({
  name: 'vehicle',
  types: ['vehicle'],
  stateSchema: () => vehicleStateSchema,
  commands: () => vehicleCommandSchemas,
});
