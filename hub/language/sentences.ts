/** The data shape of a sentence file: intents with sentence blocks, expansion rules and lists. */
import type { SlotValue } from '../sdk/intents.js';
import type { SlotListDefinition } from './slot-lists.js';

export interface SentenceBlock {
  sentences: string[];
  /** Slots every sentence of the block reports (e.g. `domain: "light"`). */
  slots?: Record<string, SlotValue>;
  /** Wins ties against blocks of other intents that match the same words. */
  priority?: number;
}

export interface IntentSentences {
  intent: string;
  data: SentenceBlock[];
}

export interface SentenceSet {
  rules?: Record<string, string>;
  lists?: Record<string, SlotListDefinition>;
  intents: IntentSentences[];
}
