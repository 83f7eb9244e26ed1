/** The words for lights in the intents every type shares: "the lights", "let there be light", "lights out". */
import type { SentenceBlock } from '../../hub/sdk/index.js';
import { onOffClassSentences } from '../shared/class-words.js';

const lights = onOffClassSentences('light', '<lights>', { spoken: true });

export const lightSentences: Record<string, SentenceBlock[]> = {
  HassTurnOn: [
    ...lights.HassTurnOn,
    {
      sentences: [
        '(light up|brighten up|illuminate) <area>',
        'let there be light [<where>]',
        '(give me|i need|i want|can i have|can we have|could i have) [some] (light|lights) [<where>]',
      ],
      slots: { domain: 'light' },
    },
    // A whole floor lit up ("light up the main floor"): typed only, the spoken grammar keeps its rooms.
    { spoken: false, sentences: ['(light up|illuminate) <floor>'], slots: { domain: 'light' } },
    {
      spoken: false,
      sentences: [
        'it is (too dark|dark|so dark|very dark|pitch black) [<where>]',
        'i can not see [a thing|anything] [<where>]',
      ],
      slots: { domain: 'light' },
      priority: -1,
    },
  ],
  HassTurnOff: [
    ...lights.HassTurnOff,
    {
      sentences: [
        '(lights|light) out [<where>]',
        'no more (light|lights) [<where>]',
        'off with the (light|lights) [<where>]',
        'darken <area>',
      ],
      slots: { domain: 'light' },
    },
  ],
  HassToggle: [
    {
      sentences: [
        'toggle <all> [<the>] <lights> [<where>]',
        'toggle [<the>] {area} <lights>',
        'flip [<the>] [{area}] <lights> [<where>]',
      ],
      slots: { domain: 'light' },
    },
  ],
  HassGetState: [
    {
      sentences: [
        '(are|is) [there] <all> [<the>] <lights> {state} [<where>]',
        '(are|is) [any|all] [of] [the] [{area}] <lights> {state} [<where>]',
        'which <lights> are {state} [<where>]',
        'did i leave [<the>] <lights> {state} [<where>]',
        'how many <lights> are {state} [<where>]',
      ],
      slots: { domain: 'light' },
    },
  ],
};
