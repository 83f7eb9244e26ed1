/** All built-in English sentences, merged into one sentence set. */
import type { SentenceSet } from '../../sentences.js';
import { commerce } from './commerce.js';
import { lists, rules } from './common.js';
import { lightAndClimate } from './light-climate.js';
import { todoLists } from './lists.js';
import { media } from './media.js';
import { misc } from './misc.js';
import { onOff } from './onoff.js';
import { stateAndPosition } from './state.js';
import { timers } from './timers.js';
import { vehicles } from './vehicle.js';

export const builtinSentences: SentenceSet = {
  rules,
  lists,
  intents: [...onOff, ...lightAndClimate, ...stateAndPosition, ...media, ...timers, ...todoLists, ...misc, ...commerce, ...vehicles],
};
