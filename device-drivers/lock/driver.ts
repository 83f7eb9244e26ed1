import { defineNativeDriver } from '../../hub/sdk/index.js';
import { lockCommandSchemas, lockStateSchema } from './protocol.js';

export const lockDriver = defineNativeDriver({
  name: 'lock',
  types: ['lock'],
  stateSchema: () => lockStateSchema,
  commands: () => lockCommandSchemas,
});
