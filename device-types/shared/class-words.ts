/**
 * Sentences about a class of devices ("the lights", "the fans", "the plugs") for the on/off intents: Home
 * Assistant's frame is `{domain}` with `area`/`floor` only when said. A type adds them to HassTurnOn/HassTurnOff
 * through its `moreSentences`.
 */
import type { SentenceBlock } from '../../hub/sdk/index.js';

/**
 * "<verb> all the kitchen lights", "turn the lights on upstairs", "kitchen lights off". `spoken: false`: typed only
 * (the recogniser's grammar keeps the common orders, lights and fans, and stays small).
 */
export function onOffClassSentences(
  domain: string,
  words: string,
  { spoken }: { spoken: boolean },
): { HassTurnOn: SentenceBlock[]; HassTurnOff: SentenceBlock[] } {
  return {
    HassTurnOn: classBlocks(domain, words, spoken, '<turn_on>', 'on'),
    HassTurnOff: classBlocks(domain, words, spoken, '<turn_off>', 'off'),
  };
}

function classBlocks(
  domain: string,
  words: string,
  spoken: boolean,
  verb: string,
  particle: 'on' | 'off',
): SentenceBlock[] {
  return [
    ...(spoken
      ? [
          {
            sentences: [
              `${verb} <all> [<the>] [{area}] ${words} [<where>]`,
              `[<the>] [{area}] ${words} ${particle} [<where>]`,
            ],
            slots: { domain },
          },
        ]
      : []),
    {
      spoken: false,
      sentences: [
        `${verb} <all> [<the>] [<place>] ${words} [<where>]`,
        `<turn> <all> [<the>] [<place>] ${words} ${particle} [<where>]`,
        `<all> [<the>] [<place>] ${words} [<where>] ${particle} [<where>]`,
      ],
      slots: { domain },
    },
  ];
}
