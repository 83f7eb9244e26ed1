/**
 * The words for covers in the intents every type shares: "open the garage door" (Home Assistant's frame is the name
 * alone), "close all the blinds", "are the curtains open" (`cover_class` fills `device_class`).
 */
import type { SentenceBlock } from '../../hub/sdk/index.js';

export const coverSentences: Record<string, SentenceBlock[]> = {
  HassTurnOn: [
    { sentences: ['(open|open up|raise|lift|roll up|pull up|draw back|extend) <name>'], requires: { domain: 'cover' } },
    {
      sentences: [
        '(open|raise|roll up|pull up|draw back|lift) <all> [<the>] [<place>] {cover_class:device_class} [<where>]',
      ],
      slots: { domain: 'cover' },
    },
    {
      spoken: false,
      sentences: ['[<all>] [<the>] [<place>] {cover_class:device_class} [<where>] (open|up) [<where>]'],
      slots: { domain: 'cover' },
    },
  ],
  HassTurnOff: [
    { sentences: ['(close|shut|lower|roll down|pull down|draw|retract) <name>'], requires: { domain: 'cover' } },
    {
      sentences: [
        '(close|shut|lower|roll down|pull down|draw) <all> [<the>] [<place>] {cover_class:device_class} [<where>]',
      ],
      slots: { domain: 'cover' },
    },
    {
      spoken: false,
      sentences: ['[<all>] [<the>] [<place>] {cover_class:device_class} [<where>] (closed|down|shut) [<where>]'],
      slots: { domain: 'cover' },
    },
  ],
  HassGetState: [
    {
      sentences: [
        '(are|is) [all] [<the>] {cover_class:device_class} {state} [<where>]',
        'which {cover_class:device_class} are {state}',
      ],
      slots: { domain: 'cover' },
    },
  ],
};
