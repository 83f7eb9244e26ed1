import { defineNativeDriver } from '../../hub/sdk/index.js';
import { coverCommandSchemas, coverStateSchema } from './protocol.js';

export const coverDriver = defineNativeDriver({
  name: 'cover',
  types: ['cover'],
  stateSchema: () => coverStateSchema,
  commands: () => coverCommandSchemas,
});
