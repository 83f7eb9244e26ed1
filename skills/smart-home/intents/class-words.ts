/**
 * Sentences about a class of devices ("the lights", "the fans", "the blinds") for the on/off intents: Home Assistant's
 * frame is `{domain}` (plus `device_class` for covers) with `area`/`floor` only when said.
 */
import type { SentenceBlock } from '../../../hub/sdk/index.js';

export const CLASSES = {
  light: '<lights>',
  fan: '(fan|fans)',
  switch: '(switch|switches|plug|plugs|socket|sockets|outlet|outlets)',
} as const;

/** "<verb> all the kitchen lights", "turn the lights on upstairs", "kitchen lights off". */
export function classBlocks(verb: string, particle: 'on' | 'off'): SentenceBlock[] {
  return Object.entries(CLASSES).flatMap(([domain, words]): SentenceBlock[] => [
    // Spoken: lights and fans, the common orders; the rest typed (the recogniser's grammar stays small).
    ...(domain === 'switch'
      ? []
      : [
          {
            sentences: [
              `${verb} <all> [<the>] [{area}] ${words} [<where>]`,
              `[<the>] [{area}] ${words} ${particle} [<where>]`,
            ],
            slots: { domain },
          },
        ]),
    {
      spoken: false,
      sentences: [
        `${verb} <all> [<the>] [<place>] ${words} [<where>]`,
        `<turn> <all> [<the>] [<place>] ${words} ${particle} [<where>]`,
        `<all> [<the>] [<place>] ${words} [<where>] ${particle} [<where>]`,
      ],
      slots: { domain },
    },
  ]);
}
