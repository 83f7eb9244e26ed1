import { defineNativeDriver } from '../../hub/sdk/index.js';
import { climateCommandSchemas, climateStateSchema } from './protocol.js';

export const climateDriver = defineNativeDriver({
  name: 'climate',
  types: ['climate'],
  stateSchema: () => climateStateSchema,
  commands: () => climateCommandSchemas,
});
