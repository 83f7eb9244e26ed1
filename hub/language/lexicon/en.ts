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
  where: '(<in_area>|<on_floor>|<here>|{floor})',
  here: '(in here|here|in this room|in the room|around here)',
  all: '[(all|every|each) [of] [the]]',
  lights: '(light|lights|lamp|lamps|lighting|bulb|bulbs)',
  turn: '(turn|switch|put|flip|power|set)',
  turn_on: '(turn on|switch on|put on|flip on|power on|power up|light up)',
  turn_off: '(turn off|switch off|shut off|shut|flip off|power off|power down|cut|kill|douse)',
  percent: '[percent|per cent|%]',
  degrees: '[degree|degrees] [celsius|centigrade|c]',
  car: '[the|my|our] (car|vehicle|truck|van|ride|{vehicle:name})',
  timer_word: '(timer|countdown)',
  my_timer: '[the|my|our|that] [<timer_length>] <timer_word>',
  // One unit ("the ten minute timer"): how people name a running timer, and a full <duration> here
  // was copied into every timer sentence of the spoken grammar (about 8 MB of the recogniser's graph).
  timer_length: '(<hours>|<minutes>|<seconds>|{half:minutes})',
  // Factored so each unit's number appears once per branch: the spoken grammar copies every
  // number rule into each place it is used (7 copies per duration before, 5 now).
  duration: '(<hours> [[and] <minutes>]|<minutes> [[and] <seconds>]|<seconds>|{half:minutes})',
  hours: '({hours}|{one:hours}) (hour|hours)',
  minutes: '({minutes}|{one:minutes}) (minute|minutes|min|mins)',
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
  temperature: { kind: 'range', from: 0, to: 100 },
  hours: { kind: 'range', from: 1, to: 100 },
  minutes: { kind: 'range', from: 1, to: 1000 },
  seconds: { kind: 'range', from: 1, to: 3600 },
  quantity: { kind: 'range', from: 1, to: 100 },
  /** Spoken or written digits (a PIN), as the digit. */
  digit: values([['zero', '0'], ['one', '1'], ['two', '2'], ['three', '3'], ['four', '4'], ['five', '5'], ['six', '6'], ['seven', '7'], ['eight', '8'], ['nine', '9'], ['oh', '0'], ...Array.from({ length: 10 }, (_, d): [string, string] => [String(d), String(d)])]),
  one: values([['a', 1], ['an', 1], ['one', 1]]),
  half: values([['half an hour', 30], ['half hour', 30], ['a half hour', 30], ['quarter of an hour', 15], ['a quarter of an hour', 15], ['quarter hour', 15]]),
  color: values(
    ['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'white', 'warm white', 'cool white', 'cyan', 'magenta', 'violet', 'turquoise', 'amber', 'gold', 'lavender', 'teal', 'lime'].map(
      (c) => [c, c],
    ),
  ),
  state: values([['on', 'on'], ['off', 'off'], ['open', 'open'], ['opened', 'open'], ['closed', 'closed'], ['shut', 'closed'], ['locked', 'locked'], ['unlocked', 'unlocked'], ['running', 'on']]),
  cover_class: values([
    ['blinds', 'blind'], ['blind', 'blind'], ['shades', 'shade'], ['shade', 'shade'], ['curtains', 'curtain'], ['curtain', 'curtain'],
    ['drapes', 'curtain'], ['shutters', 'shutter'], ['shutter', 'shutter'], ['garage', 'garage'], ['garage door', 'garage'],
    ['awning', 'awning'], ['windows', 'window'], ['window', 'window'], ['gate', 'gate'], ['skylight', 'window'],
  ]),
  item: { kind: 'wildcard' },
  search_query: { kind: 'wildcard' },
  product: { kind: 'wildcard' },
  timer_name: { kind: 'wildcard' },
};
