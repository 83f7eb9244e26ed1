import { defineNativeDriver } from '../../hub/sdk/index.js';
import { lightCommandSchemas, lightStateSchema, switchCommandSchemas, switchStateSchema } from './protocol.js';

/** Lights (brightness, color) and switches/plugs (on/off, power) on the Hearth native protocol. */
export const lightDriver = defineNativeDriver({
  name: 'light',
  types: ['light', 'switch'],
  stateSchema: (device) => (device.type === 'light' ? lightStateSchema : switchStateSchema),
  commands: (device) => (device.type === 'light' ? lightCommandSchemas : switchCommandSchemas),
});
