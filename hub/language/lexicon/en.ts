/** The English lexicon every sentence may use: expansion rules (<name>, <turn_on>, <duration>…) and fixed lists (brightness, color, cover_class…). */
import type { SlotListDefinition } from '../slot-lists.js';
import { timeLists, timeRules } from './time.js';

export const rules: Record<string, string> = {
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
  lights: '(light|lights|lamp|lamps|lighting|bulb|bulbs)',
  turn: '(turn|switch|put|flip|power|set)',
  turn_on: '(turn on|switch on|put on|flip on|power on|power up|light up)',
  turn_off: '(turn off|switch off|shut off|shut|flip off|power off|power down|cut|kill|douse)',
  percent: '[percent|per cent|%]',
  degrees: '[degree|degrees] [celsius|centigrade|c]',
  car: '[the|my|our] (car|vehicle|truck|van|ride|{vehicle:name})',
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
  minutes: '({minutes}|{one:minutes}) ([{and_a_half:seconds}] (minute|minutes|min|mins)|(minute|minutes) {and_a_half:seconds})',
  seconds: '({seconds}|{one:seconds}) (second|seconds|sec|secs)',
  shopping_list: '[<the>] ((shopping|grocery|groceries) [list]|list)',
  product_order: '(order|buy|purchase|get)',
};

const values = (pairs: Array<[string, string | number]>): SlotListDefinition => ({
  kind: 'values',
  values: pairs.map(([said, out]) => ({ in: said, out })),
});

export const lists: Record<string, SlotListDefinition> = {
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
  digit: values([['zero', '0'], ['one', '1'], ['two', '2'], ['three', '3'], ['four', '4'], ['five', '5'], ['six', '6'], ['seven', '7'], ['eight', '8'], ['nine', '9'], ['oh', '0'], ...Array.from({ length: 10 }, (_, d): [string, string] => [String(d), String(d)])]),
  one: values([['a', 1], ['an', 1], ['one', 1]]),
  half: values([['half an hour', 30], ['half hour', 30], ['a half hour', 30], ['quarter of an hour', 15], ['a quarter of an hour', 15], ['quarter hour', 15]]),
  half_minute: values([['half a minute', 30], ['half minute', 30], ['a half minute', 30]]),
  and_a_half: values([['and a half', 30]]),
  color: values(
    ['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'white', 'warm white', 'cool white', 'cyan', 'magenta', 'violet', 'turquoise', 'amber', 'gold', 'lavender', 'teal', 'lime'].map(
      (c) => [c, c],
    ),
  ),
  /** States asked about; binary sensors' are turned into Home Assistant's raw on/off by their device class (states.ts). */
  state: values([
    ['on', 'on'], ['turned on', 'on'], ['switched on', 'on'], ['running', 'on'], ['off', 'off'], ['turned off', 'off'], ['switched off', 'off'],
    ['open', 'open'], ['opened', 'open'], ['closed', 'closed'], ['shut', 'closed'], ['locked', 'locked'], ['unlocked', 'unlocked'],
    ['wet', 'wet'], ['dry', 'dry'], ['detected', 'detected'], ['triggered', 'detected'], ['clear', 'clear'], ['home', 'home'], ['at home', 'home'],
    ['away', 'away'], ['not home', 'away'], ['gone', 'away'], ['low', 'low'], ['charging', 'charging'], ['plugged in', 'plugged in'],
    ['unplugged', 'unplugged'], ['connected', 'connected'], ['disconnected', 'disconnected'], ['safe', 'safe'], ['unsafe', 'unsafe'],
    ['up', 'up'], ['down', 'down'],
  ]),
  cover_class: values([
    ['blinds', 'blind'], ['blind', 'blind'], ['shades', 'shade'], ['shade', 'shade'], ['curtains', 'curtain'], ['curtain', 'curtain'],
    ['drapes', 'curtain'], ['shutters', 'shutter'], ['shutter', 'shutter'], ['garage', 'garage'], ['garage door', 'garage'],
    ['awning', 'awning'], ['windows', 'window'], ['window', 'window'], ['gate', 'gate'], ['skylight', 'window'],
  ]),
  /** Home Assistant's media classes, as people name them ("the album …", "my … playlist"). */
  media_class: values([
    ['album', 'album'], ['record', 'album'], ['song', 'track'], ['track', 'track'], ['tune', 'track'], ['artist', 'artist'], ['band', 'artist'],
    ['singer', 'artist'], ['playlist', 'playlist'], ['podcast', 'podcast'], ['movie', 'movie'], ['film', 'movie'], ['tv show', 'tv_show'],
    ['show', 'tv_show'], ['series', 'tv_show'], ['tv series', 'tv_show'],
  ]),
  /** Appliance programmes as said ("on eco", "a cappuccino"); the appliance decides whether it has one. */
  program: values([
    'eco', 'quick', 'express', 'normal', 'intensive', 'heavy', 'delicate', 'delicates', 'cotton', 'cottons', 'wool', 'synthetics',
    'mixed', 'rinse', 'spin', 'eco 40', 'espresso', 'double espresso', 'cappuccino', 'latte', 'americano', 'flat white', 'lungo',
  ].map((p) => [p, p.replace(/ /g, '_')])),
  /** What "turn on the …" plays when no device has that name. */
  playable: values([['music', 'music'], ['radio', 'radio'], ['tunes', 'tunes'], ['songs', 'songs'], ['a song', 'a song'], ['some songs', 'some songs'], ['podcast', 'podcast'], ['audiobook', 'audiobook']]),
  item: { kind: 'wildcard' },
  search_query: { kind: 'wildcard' },
  product: { kind: 'wildcard' },
  timer_name: { kind: 'wildcard' },
};
