/**
 * The words for locks in the intents every type shares: "lock the front door" (Home Assistant's frame is the name
 * alone), "lock up", "are the doors locked".
 */
import type { SentenceBlock } from '../../hub/sdk/index.js';

export const lockSentences: Record<string, SentenceBlock[]> = {
  HassTurnOn: [
    {
      sentences: ['(lock|lock up|secure|bolt) <name>', 'make sure <name> is (locked|locked up)'],
      requires: { domain: 'lock' },
    },
    {
      sentences: [
        'lock <all> [<the>] doors [<where>]',
        'lock up [the house|everything|for the night]',
        'lock everything [up]',
        'lock (all|every) [the] (door|doors|locks)',
      ],
      slots: { domain: 'lock' },
    },
  ],
  HassTurnOff: [
    { sentences: ['(unlock|unbolt) <name>', 'let me in [through] <name>'], requires: { domain: 'lock' } },
    { sentences: ['unlock <all> [<the>] doors [<where>]', 'unlock everything'], slots: { domain: 'lock' } },
  ],
  HassGetState: [
    {
      sentences: [
        '(are|is) [all] [<the>] doors {state} [<where>]',
        'which doors are {state}',
        'is [the] (house|home) locked',
        'is everything locked',
      ],
      slots: { domain: 'lock' },
    },
  ],
};
