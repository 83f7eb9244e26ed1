/** Questions about devices (HassGetState) and positions (HassSetPosition). */
import type { IntentSentences } from '../../sentences.js';

export const stateAndPosition: IntentSentences[] = [
  {
    intent: 'HassGetState',
    data: [
      {
        sentences: [
          '(is|are) <name> {state} [<where>]',
          'did i leave <name> {state}',
          'did (somebody|someone|anyone) leave <name> {state}',
          '(is|are) <name> still {state}',
          'what is the (state|status) of <name>',
          'what is <name> (doing|at|showing|reading)',
          'how is <name> [doing]',
          'check <name>',
          '(tell me|give me) the (state|status) of <name>',
          '<name> (state|status)',
        ],
      },
      {
        sentences: ['(are|is) [there] <all> [<the>] <lights> {state} [<where>]', '(are|is) [any|all] [of] [the] [{area}] <lights> {state} [<where>]', 'which <lights> are {state} [<where>]', 'did i leave [<the>] <lights> {state} [<where>]', 'how many <lights> are {state} [<where>]'],
        slots: { domain: 'light' },
      },
      {
        sentences: ['(are|is) [all] [<the>] doors {state} [<where>]', 'which doors are {state}', 'is [the] (house|home) locked', 'is everything locked'],
        slots: { domain: 'lock' },
      },
      {
        sentences: ['(are|is) [all] [<the>] {cover_class:device_class} {state} [<where>]', 'which {cover_class:device_class} are {state}'],
        slots: { domain: 'cover' },
      },
    ],
  },
  {
    intent: 'HassSetPosition',
    data: [
      {
        sentences: [
          '(set|move|put|open|close|raise|lower|adjust) <name> [position] to {position} <percent>',
          '(set|change|adjust) [the] position of <name> to {position} <percent>',
          '(open|close) <name> {position} <percent> [of the way]',
          '<name> [to] {position} <percent> (open|closed|position)',
        ],
      },
      { sentences: ['(open|close) <name> halfway', '(set|put|move) <name> (halfway|to half|half way)'], slots: { position: 50 } },
      {
        sentences: [
          '(set|move|put|open|close|raise|lower|adjust) <all> [<the>] {cover_class:device_class} [<where>] to {position} <percent>',
          '(set|move|put|open|close|raise|lower|adjust) [<the>] {area} {cover_class:device_class} to {position} <percent>',
          '(open|close) [<the>] {cover_class:device_class} [<where>] {position} <percent> [of the way]',
        ],
        slots: { domain: 'cover' },
      },
      { sentences: ['(open|close|set|put) [<the>] {cover_class:device_class} [<where>] (halfway|half way|to half)'], slots: { domain: 'cover', position: 50 } },
    ],
  },
];
