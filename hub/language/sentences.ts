/** The data shape of a sentence file: intents with sentence blocks, expansion rules and lists. */
import type { SentenceBlock } from '../sdk/intent-declaration.js';
import type { SlotListDefinition } from './slot-lists.js';

export type { SentenceBlock };

export interface IntentSentences {
  intent: string;
  data: SentenceBlock[];
}

export interface SentenceSet {
  rules?: Record<string, string>;
  lists?: Record<string, SlotListDefinition>;
  intents: IntentSentences[];
}
