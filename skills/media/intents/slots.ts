/** What the media intents share: their slots (Home Assistant's media frames have no `domain`) and where it plays. */
import { TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const MEDIA_SLOTS = { name: TARGET_SLOTS.name, area: TARGET_SLOTS.area } as const;

export const MEDIA_TARGETS = { domains: ['media_player'], areaFromContext: true } as const;

/** "on the kitchen speaker", "in the kitchen", "in here". */
export const where = '[(on|in|from|through) (<name>|<area>)|<here>]';

/** What is playing, as people call it. */
export const playing =
  '(music|song|songs|track|tune|movie|film|show|programme|program|playback|video|podcast|episode|audiobook|book|radio|audio|sound|stream|album|playlist)';
