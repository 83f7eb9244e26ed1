/** HassSetPosition for anything that opens part of the way (covers, valves); 100 = fully open. */
import type { IntentAction } from '../../hub/sdk/index.js';

export const setPosition: IntentAction = {
  command: (intent) => ({ command: 'set_position', params: { position: Number(intent.slots.position) } }),
  done: (intent) => `Moved to ${intent.slots.position} percent:`,
};
