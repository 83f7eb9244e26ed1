/** HassToggle: Flips a device to the other state. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const toggle = defineIntent({
  targets: { domains: [], areaFromContext: true },
  slots: { ...TARGET_SLOTS },
  sentences: [
    { sentences: ['toggle <name> [<where>]', 'flip <name>', 'switch <name> [over]', 'flick <name>'] },
    { sentences: ['toggle <all> [<the>] <lights> [<where>]', 'toggle [<the>] {area} <lights>', 'flip [<the>] [{area}] <lights> [<where>]'], slots: { domain: 'light' } },
  ],
});
