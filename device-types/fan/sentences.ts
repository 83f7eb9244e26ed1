/** The words for fans in the on/off intents: "turn on the fans", "stop the bedroom fan". */
import type { SentenceBlock } from '../../hub/sdk/index.js';
import { onOffClassSentences } from '../shared/class-words.js';

const fans = onOffClassSentences('fan', '(fan|fans)', { spoken: true });

export const fanSentences: Record<string, SentenceBlock[]> = {
  HassTurnOn: fans.HassTurnOn,
  HassTurnOff: [
    ...fans.HassTurnOff,
    { sentences: ['(stop|halt) <all> [<the>] [<place>] (fan|fans) [<where>]'], slots: { domain: 'fan' } },
  ],
};
