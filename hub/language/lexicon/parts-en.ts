/**
 * English words the second stage of understanding reads requests with (hub/language/parts/): what a word says about
 * the target, a quantity, or nothing at all. The intents' own action words are in their declarations (`cues`), the words
 * naming a class of devices in the device types' folders (`words`).
 */

/** Said to get attention or to be polite; they change nothing in the request. */
export const FILLER_PHRASES: readonly string[] = [
  'hey hearth',
  'ok hearth',
  'okay hearth',
  'hearth',
  'hey google',
  'ok google',
  'okay google',
  'google',
  'alexa',
  'hey alexa',
  'siri',
  'hey siri',
  'olly',
  'hey olly',
  'assistant',
  'computer',
  'hey',
  'hi',
  'hello',
  'ok',
  'okay',
  'yo',
  'um',
  'uh',
  'er',
  'erm',
  'nah',
  'please',
  'pls',
  'plz',
  'kindly',
  'thanks',
  'thank you',
  'cheers',
  'mate',
  // Who is spoken to, said fondly at the end ("… dear", "… love")
  'dear',
  'darling',
  'sweetheart',
  'can you',
  'could you',
  'would you',
  'will you',
  'can u',
  'could u',
  'would you mind',
  'would you be so kind as to',
  'i want you to',
  'i would like you to',
  'i need you to',
  'go ahead and',
  'be a dear and',
  'do me a favour and',
  'do me a favor and',
  'for me',
  'right now',
  'now',
  'immediately',
  'straight away',
  'quickly',
  'real quick',
  'actually',
  'i mean',
  'you know',
  'if you can',
  'if you could',
  'when you can',
  'for a second',
  'for a sec',
  'for a bit',
  'for a while',
  'today',
  'for today',
  'tonight',
  'this morning',
  'this evening',
  'this week',
  'for this week',
  'lately',
  'recently',
  'last week',
  'last month',
  'at the moment',
  'currently',
  'please and thank you',
];

/** "All the lights", "everywhere": the whole home unless a room or floor is named. */
export const ALL_WORDS: readonly string[] = [
  'all',
  'every',
  'each',
  'everything',
  'everywhere',
  'every single',
  'whole',
  'entire',
  'all of the',
  'all the',
  'all over',
  'whole house',
  'whole home',
  'entire house',
  'entire home',
  'the whole house',
  'in the house',
  'in the whole house',
  'around the house',
  'throughout the house',
  'in my house',
  'in our house',
  'at home',
  'in the home',
  'in the flat',
  'in my flat',
  'in our flat',
  'in the apartment',
  'in my apartment',
  'in our apartment',
];
/** "In here": the satellite's own room. */
export const HERE_WORDS: readonly string[] = [
  'here',
  'in here',
  'this room',
  'in this room',
  'around here',
  'in the room',
  'room',
  'my room',
  'in my room',
];

/** Highest and lowest settings of a percentage (Home Assistant: max 100, min 1). */
export const MAX_WORDS: readonly string[] = [
  'max',
  'maximum',
  'full',
  'fully',
  'full blast',
  'all the way up',
  'all the way',
  'as far as it goes',
  'to the top',
  'all the way to the top',
];
export const MIN_WORDS: readonly string[] = [
  'min',
  'minimum',
  'all the way down',
  'to the bottom',
  'all the way to the bottom',
];

/** What a superlative is about: the setting it can only mean ("brightest" is no volume). */
export type ExtremeOf = 'brightness' | 'volume' | 'speed';

/**
 * Adjectives of a setting, said as a superlative ("brightest", "the quietest it goes") or "as … as it goes / as
 * possible": the highest or lowest setting, of the setting the word is about when it is about one.
 */
const EXTREME_ADJECTIVES: ReadonlyArray<
  readonly [adjective: string, superlative: string, value: 'max' | 'min', of?: ExtremeOf]
> = [
  ['high', 'highest', 'max'],
  ['low', 'lowest', 'min'],
  ['strong', 'strongest', 'max'],
  ['weak', 'weakest', 'min'],
  ['little', 'littlest', 'min'],
  ['small', 'smallest', 'min'],
  ['bright', 'brightest', 'max', 'brightness'],
  ['dim', 'dimmest', 'min', 'brightness'],
  ['dark', 'darkest', 'min', 'brightness'],
  ['loud', 'loudest', 'max', 'volume'],
  ['quiet', 'quietest', 'min', 'volume'],
  ['soft', 'softest', 'min', 'volume'],
  ['fast', 'fastest', 'max', 'speed'],
  ['quick', 'quickest', 'max', 'speed'],
  ['slow', 'slowest', 'min', 'speed'],
];
/** How far a superlative reaches: "as bright as it goes", "the dimmest it can go", "loudest possible". */
const EXTREME_ENDS: readonly string[] = [
  'it goes',
  'it will go',
  'it can go',
  'it gets',
  'it can get',
  'it will get',
  'it can be',
  'possible',
  'you can',
  'you can go',
  'you can make it',
];

export const EXTREME_PHRASES: ReadonlyArray<readonly [words: string, value: 'max' | 'min', of?: ExtremeOf]> =
  EXTREME_ADJECTIVES.flatMap(([adjective, superlative, value, of]) =>
    [
      superlative,
      `${superlative} setting`,
      `${superlative} level`,
      ...EXTREME_ENDS.flatMap((end) => [`as ${adjective} as ${end}`, `${superlative} ${end}`]),
    ].map((words) => [words, value, of] as const),
  );

/** Fractions said for a percentage ("at half", "a quarter open"). */
export const FRACTIONS: ReadonlyArray<readonly [words: string, percent: number]> = [
  ['half', 50],
  ['a half', 50],
  ['halfway', 50],
  ['half way', 50],
  ['a quarter', 25],
  ['quarter', 25],
  ['three quarters', 75],
  ['a third', 33],
  ['two thirds', 67],
];

/** A setting named by its level, after "to", "on" or "at" ("volume to low", "the fan on high"): a percentage. */
export const LEVEL_WORDS: ReadonlyArray<readonly [words: string, percent: number]> = [
  ['low', 25],
  ['medium', 50],
  ['mid', 50],
  ['middle', 50],
  ['high', 75],
];

/**
 * A count of a control's steps, not of percent ("two notches down", "up three clicks"): each is one press of up or
 * down (RELATIVE_STEP_PERCENT).
 */
export const STEP_WORDS: ReadonlySet<string> = new Set([
  'notch',
  'notches',
  'step',
  'steps',
  'click',
  'clicks',
  'tick',
  'ticks',
  'bar',
  'bars',
  'levels',
  'nudges',
]);

/** Durations said without a number. */
export const DURATION_WORDS: ReadonlyArray<
  readonly [words: string, duration: { hours?: number; minutes?: number; seconds?: number }]
> = [
  ['half an hour', { minutes: 30 }],
  ['half hour', { minutes: 30 }],
  ['a half hour', { minutes: 30 }],
  ['half a minute', { seconds: 30 }],
  ['half minute', { seconds: 30 }],
  ['a quarter of an hour', { minutes: 15 }],
  ['quarter of an hour', { minutes: 15 }],
  ['quarter hour', { minutes: 15 }],
  ['a quarter hour', { minutes: 15 }],
  ['an hour and a half', { hours: 1, minutes: 30 }],
  ['a minute and a half', { minutes: 1, seconds: 30 }],
  ['a couple of minutes', { minutes: 2 }],
  ['a couple minutes', { minutes: 2 }],
];

/** A short while said without a number ("hold it a sec"): how long a pause lasts. */
export const SHORT_WHILE_WORDS: readonly string[] = [
  'a sec',
  'a second',
  'a moment',
  'a mo',
  'a tick',
  'a jiffy',
  'a while',
  'a bit',
  'a little while',
  'one sec',
  'one second',
  'one moment',
  'a few seconds',
  'a few minutes',
  'a few mins',
];

/** Words that pick one of a pair or a row, said before or after the thing ("Curtain Left" is "the left curtain"). */
export const POSITION_WORDS: ReadonlySet<string> = new Set([
  'left',
  'right',
  'front',
  'back',
  'rear',
  'top',
  'bottom',
  'upper',
  'lower',
  'middle',
]);
