import { defineNativeDriver } from '../../hub/sdk/index.js';
import { applianceCommandSchemas, applianceEventSchemas, applianceStateSchema } from './protocol.js';

export const applianceDriver = defineNativeDriver({
  name: 'appliance',
  types: ['appliance'],
  stateSchema: () => applianceStateSchema,
  commands: () => applianceCommandSchemas,
  eventSchemas: applianceEventSchemas,
});
