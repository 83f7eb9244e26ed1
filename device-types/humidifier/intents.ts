/**
 * The words for humidifiers: Home Assistant's HassHumidifierSetpoint and HassHumidifierMode, and the class words
 * ("the dehumidifier") for switching them on and off. Written from how people ask for drier or damper air.
 */
import { defineIntent, TARGET_SLOTS, type SentenceBlock } from '../../hub/sdk/index.js';
import { HUMIDIFIER_MODES } from './protocol.js';

/** The words naming the type, and those naming a class of it (Home Assistant's device_class `dehumidifier`). */
const WORDS: { words: string; slots: Record<string, string> }[] = [
  { words: '(humidifier|humidifiers)', slots: { domain: 'humidifier' } },
  { words: '(dehumidifier|dehumidifiers)', slots: { domain: 'humidifier', device_class: 'dehumidifier' } },
];

/** One block per naming word: `make` gets the word pattern and returns the sentences using it. */
const byClass = (make: (word: string) => string[]): SentenceBlock[] =>
  WORDS.map(({ words, slots }) => ({ sentences: make(words), slots }));

const named = {
  name: TARGET_SLOTS.name,
  area: TARGET_SLOTS.area,
  floor: TARGET_SLOTS.floor,
  domain: { fixed: ['humidifier'] },
  device_class: { fixed: ['dehumidifier'] },
} as const;

export const humidifierSetpoint = defineIntent({
  targets: { domains: ['humidifier'], areaFromContext: true },
  slots: { ...named, humidity: { range: { from: 0, to: 100 } } },
  sentences: [
    {
      sentences: [
        '(set|put|turn|keep) <name> humidity (to|at) {humidity} <percent>',
        '(set|put|turn|keep) <name> (to|at) {humidity} <percent> humidity',
        '<name> [to] {humidity} <percent> humidity',
      ],
    },
    {
      sentences: [
        '(set|change|keep|put) [the] (humidity|air humidity|moisture) [level] [<where>] (to|at) {humidity} <percent> [<where>]',
        '(make|keep) [the air] [<where>] (at|to) {humidity} <percent> humidity [<where>]',
        'i (want|would like) [the] humidity [<where>] (at|to be|around) {humidity} <percent> [<where>]',
        'humidity {humidity} <percent> [<where>]',
      ],
      slots: { domain: 'humidifier' },
    },
    ...byClass((word) => [
      `(set|put|turn) [<the>] [{area}] ${word} [<where>] (to|at) {humidity} <percent> [humidity] [<where>]`,
    ]),
  ],
});

export const humidifierMode = defineIntent({
  targets: { domains: ['humidifier'], areaFromContext: true },
  slots: { ...named, mode: { values: HUMIDIFIER_MODES } },
  sentences: [
    { sentences: ['(set|put|switch|change|turn) <name> (to|in|into|on) {mode} mode', '{mode} mode (on|for) <name>'] },
    ...byClass((word) => [
      `(set|put|switch|change|turn) [<the>] [{area}] ${word} [<where>] (to|in|into|on) {mode} mode [<where>]`,
      `(use|run) [the] {mode} mode on [<the>] [{area}] ${word} [<where>]`,
    ]),
  ],
});

/** Class words added to the on/off intents: "turn on the dehumidifier in the basement". */
export const humidifierTurnOn = byClass((word) => [
  `<turn_on> <all> [<the>] [{area}] ${word} [<where>]`,
  `<turn> <all> [<the>] [{area}] ${word} on [<where>]`,
  `[<the>] [{area}] ${word} on [<where>]`,
]);
export const humidifierTurnOff = byClass((word) => [
  `<turn_off> <all> [<the>] [{area}] ${word} [<where>]`,
  `<turn> <all> [<the>] [{area}] ${word} off [<where>]`,
  `[<the>] [{area}] ${word} off [<where>]`,
]);
