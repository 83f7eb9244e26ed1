import { defineNativeDriver } from '../../hub/sdk/index.js';
import { mediaPlayerCommandSchemas, mediaPlayerStateSchema } from './protocol.js';

export const mediaPlayerDriver = defineNativeDriver({
  name: 'media_player',
  types: ['media_player'],
  stateSchema: () => mediaPlayerStateSchema,
  commands: () => mediaPlayerCommandSchemas,
});
