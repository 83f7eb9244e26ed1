/**
 * The words for humidifiers: Home Assistant's HassHumidifierSetpoint and HassHumidifierMode, and the class words
 * ("the dehumidifier") for switching them on and off. Written from how people ask for drier or damper air.
 */
import { defineIntent, TARGET_SLOTS, type DeviceWords, type SentenceBlock } from '../../hub/sdk/index.js';
import { HUMIDIFIER_MODES } from './protocol.js';

/** The nouns for the type, and those for a class of it (Home Assistant's device_class `dehumidifier`). */
export const humidifierWords = {
  type: ['humidifier', 'humidifiers'],
  classes: { dehumidifier: ['dehumidifier', 'dehumidifiers'] },
} as const satisfies DeviceWords;

/** The same nouns as template alternatives, with the slots they give. */
const WORDS: { words: string; slots: Record<string, string> }[] = [
  { words: `(${humidifierWords.type.join('|')})`, slots: { domain: 'humidifier' } },
  ...Object.entries(humidifierWords.classes).map(([deviceClass, words]) => ({
    words: `(${words.join('|')})`,
    slots: { domain: 'humidifier', device_class: deviceClass },
  })),
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

/** Verbs that only say "set" when the request is about a humidifier (the lights and fans take a percentage too). */
const setting = (weight: number) =>
  (['set', 'put', 'turn', 'keep', 'change'] as const).map((words) => ({
    words,
    weight,
    domains: ['humidifier'] as const,
  }));

export const humidifierSetpoint = defineIntent({
  targets: { domains: ['humidifier'], areaFromContext: true },
  // The lexicon's `percentage` (0–100): the second stage reads it from "45 percent" as it does a fan's speed.
  slots: { ...named, humidity: { list: 'percentage' } },
  // Second stage: "the dehumidifier in the basement, 45 percent", "humidity in the bedroom to 50 percent please".
  cues: {
    actions: ['humidity', { words: 'moisture', weight: 0.75 }, ...setting(0.5)],
    needsOneOf: ['humidity'],
  },
  sentences: [
    {
      sentences: [
        '(set|put|turn|keep) <name> humidity (to|at) {percentage:humidity} <percent>',
        '(set|put|turn|keep) <name> (to|at) {percentage:humidity} <percent> humidity',
        '<name> [to] {percentage:humidity} <percent> humidity',
      ],
    },
    {
      sentences: [
        '(set|change|keep|put) [the] (humidity|air humidity|moisture) [level] [<where>] (to|at) {percentage:humidity} <percent> [<where>]',
        '(make|keep) [the air] [<where>] (at|to) {percentage:humidity} <percent> humidity [<where>]',
        'i (want|would like) [the] humidity [<where>] (at|to be|around) {percentage:humidity} <percent> [<where>]',
        'humidity {percentage:humidity} <percent> [<where>]',
      ],
      slots: { domain: 'humidifier' },
    },
    ...byClass((word) => [
      `(set|put|turn) [<the>] [{area}] ${word} [<where>] (to|at) {percentage:humidity} <percent> [humidity] [<where>]`,
    ]),
  ],
});

export const humidifierMode = defineIntent({
  targets: { domains: ['humidifier'], areaFromContext: true },
  slots: { ...named, mode: { values: HUMIDIFIER_MODES } },
  // Second stage: "the bedroom humidifier, sleep mode", "switch the dehumidifier over to boost".
  cues: {
    actions: [
      { words: 'mode', weight: 0.5, domains: ['humidifier'] },
      ...setting(0.5),
      { words: 'switch', weight: 0.5, domains: ['humidifier'] },
    ],
    needsOneOf: ['mode'],
    needsTarget: true,
  },
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
