/** The words for switches and plugs in the on/off intents: "turn off all the plugs" (typed only). */
import { onOffClassSentences } from '../shared/class-words.js';

export const switchSentences = onOffClassSentences(
  'switch',
  '(switch|switches|plug|plugs|socket|sockets|outlet|outlets)',
  { spoken: false },
);
