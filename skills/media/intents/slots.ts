/** What the media intents share: their slots and "on the kitchen speaker / in the kitchen / in here". */
import { TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const MEDIA_SLOTS = { name: TARGET_SLOTS.name, area: TARGET_SLOTS.area, domain: { fixed: ['media_player'] } } as const;

export const where = '[(on|in) (<name>|<area>)|<here>]';
