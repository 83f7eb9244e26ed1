/** HassToggle: Flips a device to the other state. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const toggle = defineIntent({
  targets: { domains: [], areaFromContext: true },
  slots: { ...TARGET_SLOTS },
  cues: { actions: ['toggle', { words: 'flip', weight: 0.75 }, { words: 'flick', weight: 0.75 }], needsTarget: true },
  sentences: [{ sentences: ['toggle <name> [<where>]', 'flip <name>', 'switch <name> [over]', 'flick <name>'] }],
});
