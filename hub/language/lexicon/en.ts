/** The English lexicon every sentence may use: expansion rules (<name>, <turn_on>, <duration>…) and fixed lists (brightness, color…); the device types add theirs. */
import type { SlotListDefinition } from '../slot-lists.js';
import {
  BARE_ITEM_REFUSES,
  ITEM_REFUSES,
  LIST_NAME_REFUSES,
  PLAYABLE_WORDS,
  PRODUCT_REFUSES,
  SEARCH_QUERY_REFUSES,
  TIMER_NAME_REFUSES,
} from './free-text-en.js';
import { MEDIA_CLASS_WORDS } from './media-en.js';
import { timeLists, timeRules } from './time.js';
import { withDeviceTypeWords } from './device-type-words.js';
import { LIGHT_COLOURS } from '../../../device-types/light/colours.js';

const hubRules: Record<string, string> = {
  ...timeRules,
  the: '(the|my|our|that|this|these|those)',
  name: '[<the>] {name}',
  area: '[<the>] {area}',
  floor: '[<the>] {floor}',
  in_area: '(in|inside|at|for|of|from|on) [<the>] {area}',
  on_floor: '(on|upstairs on|downstairs on|for) [<the>] {floor}',
  where: '(<in_area>|<on_floor>|<here>|{floor}|<whole_home>)',
  /** A room or floor said before what is in it ("the kitchen lights", "upstairs lights"). */
  place: '({area}|{floor})',
  whole_home: '[in|throughout|around] [the] (whole|entire) (house|home|place)',
  here: '(in here|here|in this room|in the room|around here)',
  all: '[(all|every|each|every single) [of] [the]]',
  turn: '(turn|switch|put|flip|power|set)',
  turn_on: '(turn on|switch on|put on|flip on|power on|power up|light up)',
  turn_off: '(turn off|switch off|shut off|shut|flip off|power off|power down|cut|kill|douse)',
  percent: '[percent|per cent|%]',
  degrees: '[degree|degrees] [celsius|centigrade|c]',
  timer_word: '(timer|countdown)',
  /** A running timer, picked by its length ("the ten minute timer" → `start_minutes`), as Home Assistant does. */
  my_timer: '[the|my|our|that|this] [<timer_length>] <timer_word>',
  // One unit ("the ten minute timer"): how people name a running timer, and a full <duration> here
  // was copied into every timer sentence of the spoken grammar (about 8 MB of the recogniser's graph).
  timer_length: '(<start_hours>|<start_minutes>|<start_seconds>|{half:start_minutes})',
  start_hours: '({hours:start_hours}|{one:start_hours}) (hour|hours)',
  start_minutes: '({minutes:start_minutes}|{one:start_minutes}) (minute|minutes|min|mins)',
  start_seconds: '({seconds:start_seconds}|{one:start_seconds}) (second|seconds|sec|secs)',
  // Factored so each unit's number appears once per branch: the spoken grammar copies every
  // number rule into each place it is used (7 copies per duration before, 5 now).
  duration: '(<hours> [[and] <minutes>]|<minutes> [[and] <seconds>]|<seconds>|{half:minutes}|{half_minute:seconds})',
  // "two and a half minutes" is minutes 2, seconds 30; "an hour and a half" hours 1, minutes 30 (Home Assistant's split).
  hours: '({hours}|{one:hours}) ([{and_a_half:minutes}] (hour|hours)|(hour|hours) {and_a_half:minutes})',
  minutes:
    '({minutes}|{one:minutes}) ([{and_a_half:seconds}] (minute|minutes|min|mins)|(minute|minutes) {and_a_half:seconds})',
  seconds: '({seconds}|{one:seconds}) (second|seconds|sec|secs)',
  shopping_list: '[<the>] ((shopping|grocery|groceries) [list]|list)',
  product_order: '(order|buy|purchase|get)',
};

const values = (pairs: Array<[string, string | number]>): SlotListDefinition => ({
  kind: 'values',
  values: pairs.map(([said, out]) => ({ in: said, out })),
});

const hubLists: Record<string, SlotListDefinition> = {
  ...timeLists,
  brightness: { kind: 'range', from: 0, to: 100 },
  position: { kind: 'range', from: 0, to: 100 },
  volume_level: { kind: 'range', from: 0, to: 100 },
  percentage: { kind: 'range', from: 0, to: 100 },
  /** A relative change: `up`, `down`, or signed percent (the second stage fills these; no sentence uses them). */
  volume_step: { kind: 'range', from: -100, to: 100 },
  brightness_step: { kind: 'range', from: -100, to: 100 },
  temperature: { kind: 'range', from: 0, to: 100 },
  hours: { kind: 'range', from: 1, to: 100 },
  minutes: { kind: 'range', from: 1, to: 1000 },
  seconds: { kind: 'range', from: 1, to: 3600 },
  quantity: { kind: 'range', from: 1, to: 100 },
  /** Spoken or written digits (a PIN), as the digit. */
  digit: values([
    ['zero', '0'],
    ['one', '1'],
    ['two', '2'],
    ['three', '3'],
    ['four', '4'],
    ['five', '5'],
    ['six', '6'],
    ['seven', '7'],
    ['eight', '8'],
    ['nine', '9'],
    ['oh', '0'],
    ...Array.from({ length: 10 }, (_, d): [string, string] => [String(d), String(d)]),
  ]),
  one: values([
    ['a', 1],
    ['an', 1],
    ['one', 1],
  ]),
  half: values([
    ['half an hour', 30],
    ['half hour', 30],
    ['a half hour', 30],
    ['quarter of an hour', 15],
    ['a quarter of an hour', 15],
    ['quarter hour', 15],
  ]),
  half_minute: values([
    ['half a minute', 30],
    ['half minute', 30],
    ['a half minute', 30],
  ]),
  and_a_half: values([['and a half', 30]]),
  color: values(LIGHT_COLOURS.map((c) => [c, c])),
  /** States asked about; binary sensors' are turned into Home Assistant's raw on/off by their device class (states.ts). */
  state: values([
    ['on', 'on'],
    ['turned on', 'on'],
    ['switched on', 'on'],
    ['running', 'on'],
    ['off', 'off'],
    ['turned off', 'off'],
    ['switched off', 'off'],
    ['open', 'open'],
    ['opened', 'open'],
    ['closed', 'closed'],
    ['shut', 'closed'],
    ['locked', 'locked'],
    ['unlocked', 'unlocked'],
    ['wet', 'wet'],
    ['dry', 'dry'],
    ['detected', 'detected'],
    ['triggered', 'detected'],
    ['clear', 'clear'],
    ['home', 'home'],
    ['at home', 'home'],
    ['away', 'away'],
    ['not home', 'away'],
    ['gone', 'away'],
    ['low', 'low'],
    ['charging', 'charging'],
    ['plugged in', 'plugged in'],
    ['unplugged', 'unplugged'],
    ['connected', 'connected'],
    ['disconnected', 'disconnected'],
    ['safe', 'safe'],
    ['unsafe', 'unsafe'],
    ['up', 'up'],
    ['down', 'down'],
  ]),
  /** Home Assistant's media classes, as people name them ("the album …", "my … playlist"). */
  media_class: values(MEDIA_CLASS_WORDS.map(([said, mediaClass]) => [said, mediaClass])),
  /** What "turn on the …" plays when no device has that name. */
  playable: values([
    ['music', 'music'],
    ['radio', 'radio'],
    ['tunes', 'tunes'],
    ['songs', 'songs'],
    ['a song', 'a song'],
    ['some songs', 'some songs'],
    ['podcast', 'podcast'],
    ['audiobook', 'audiobook'],
  ]),
  /** Where an item stands on a list ("the third item", "the last one"), from 1; counted from the end when negative. */
  ordinal: values([
    ...['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'].map(
      (word, i): [string, number] => [word, i + 1],
    ),
    ...['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th'].map((word, i): [string, number] => [
      word,
      i + 1,
    ]),
    ['last', -1],
    ['final', -1],
    ['second last', -2],
    ['second to last', -2],
    ['next to last', -2],
    ['penultimate', -2],
  ]),
  item: { kind: 'wildcard', refuses: ITEM_REFUSES },
  /** An item with no verb before it, the list after it ("oat cakes on the shopping list"). */
  bare_item: { kind: 'wildcard', refuses: BARE_ITEM_REFUSES },
  search_query: { kind: 'wildcard', refuses: SEARCH_QUERY_REFUSES, welcomes: PLAYABLE_WORDS },
  product: { kind: 'wildcard', refuses: PRODUCT_REFUSES },
  timer_name: { kind: 'wildcard', refuses: TIMER_NAME_REFUSES },
  /** What people call the things on a to-do list, read as the list's name ("which chores are left"). */
  todo_word: values([
    ['chores', 'chores'],
    ['jobs', 'jobs'],
    ['tasks', 'tasks'],
    ['errands', 'errands'],
    ['to dos', 'to do'],
  ]),
  /** What a new list would be called ("a list for the party"). */
  list_name: { kind: 'wildcard', refuses: LIST_NAME_REFUSES },
};

/** With the words the device types bring (`<lights>`, `{cover_class}`, `{program}`…). */
export const { rules, lists } = withDeviceTypeWords(hubRules, hubLists);
