/** Hearth's vehicle intents; `<car>` is "the car" or a vehicle's configured name. */
import type { IntentSentences } from '../../sentences.js';

const vehicle = { domain: 'vehicle' };
export const vehicles: IntentSentences[] = [
  {
    intent: 'VehicleLock',
    data: [{ sentences: ['lock <car>', 'lock up <car>', 'make sure <car> is locked', 'secure <car>', '<car> lock', 'lock the doors (of|on) <car>'], slots: vehicle, priority: 2 }],
  },
  {
    intent: 'VehicleUnlock',
    data: [{ sentences: ['unlock <car>', 'open up <car>', '<car> unlock', 'unlock the doors (of|on) <car>', 'let me into <car>'], slots: vehicle, priority: 2 }],
  },
  {
    intent: 'VehicleGetLockState',
    data: [
      { sentences: ['is <car> locked', 'did i lock <car>', 'did i leave <car> unlocked', 'is <car> unlocked', 'are the doors (of|on) <car> locked', '(check|is) <car> (lock|locks|secure)'], slots: vehicle, priority: 2 },
    ],
  },
  {
    intent: 'VehicleStartClimate',
    data: [
      {
        sentences: [
          '(warm|heat|cool) up <car> [to {temperature} <degrees>]',
          '(precondition|pre heat|preheat|pre cool|precool) <car> [to {temperature} <degrees>]',
          '(turn on|start) [the] (heater|heating|ac|a c|air conditioning|climate|climate control) (in|of|on) <car> [to {temperature} <degrees>]',
          '(turn on|start) <car> (heater|heating|ac|a c|air conditioning|climate|climate control) [to {temperature} <degrees>]',
          '(set|make) <car> [to] {temperature} <degrees>',
          'get <car> (warm|cool|ready)',
        ],
        slots: vehicle,
        priority: 2,
      },
    ],
  },
  {
    intent: 'VehicleStartEngine',
    data: [{ sentences: ['(start|remote start|fire up) <car>', '(start|turn on) [the] engine [of|on|in] [<car>]', '<car> start', 'start [up] the engine'], slots: vehicle, priority: 2 }],
  },
  {
    intent: 'VehicleStopEngine',
    data: [{ sentences: ['(stop|turn off|shut off|shut down|switch off) <car>', '(stop|turn off|shut off|kill) [the] engine [of|on|in] [<car>]', '<car> stop'], slots: vehicle, priority: 2 }],
  },
  {
    intent: 'VehicleGetCharge',
    data: [
      {
        sentences: [
          'how much (charge|battery|range) (does|has) <car> [got|have|left]',
          'what is <car> (charge|battery|battery level|charge level|range|state of charge)',
          'what is the (charge|battery|battery level|charge level|range) (of|on|in) <car>',
          'is <car> (charged|fully charged|charging)',
          'how charged is <car>',
          '<car> (battery|charge)',
        ],
        slots: vehicle,
        priority: 2,
      },
    ],
  },
  {
    intent: 'VehicleGetFuel',
    data: [
      {
        sentences: [
          'how much (gas|fuel|petrol|diesel) (does|has) <car> [got|have|left]',
          'how much (gas|fuel|petrol|diesel) is (in|left in) <car>',
          'what is <car> (fuel|gas|fuel level|gas level)',
          'what is the (fuel|gas) level (of|on|in) <car>',
          'does <car> need (gas|fuel|petrol|filling up)',
          'is <car> (low on|out of) (gas|fuel|petrol)',
        ],
        slots: vehicle,
        priority: 2,
      },
    ],
  },
  {
    intent: 'VehicleGetLocation',
    data: [
      {
        sentences: ['where is <car>', 'where did (i|we|you) (park|leave) <car>', 'where did (i|we) park', '(find|locate|track) <car>', 'where is <car> parked', 'what is the location of <car>', 'is <car> (at home|home)'],
        slots: vehicle,
        priority: 2,
      },
    ],
  },
];
