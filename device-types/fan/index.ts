/** Fans: on/off and a speed in percent (0 % is off, as Home Assistant fans do). */
import { defineDeviceType, ON_OFF, SWITCHED_ON_OFF } from '../../hub/sdk/index.js';
import { genericCommands } from '../shared/generic-commands.js';
import { fanDiscovery } from './ha-discovery.js';
import { fanSetSpeed } from './intents.js';
import { fanSentences } from './sentences.js';

export default defineDeviceType({
  summary: 'Fans: on/off, speed',
  capabilities: [
    ON_OFF,
    {
      kind: 'level',
      feature: 'percentage',
      property: 'percentage',
      label: 'Speed',
      min: 0,
      max: 100,
      unit: '%',
      command: 'set_percentage',
      param: 'percentage',
      summary: { text: 'speed {}%', whileOn: true },
    },
  ],
  commands: genericCommands('turn_on', 'turn_off', 'toggle', 'set_percentage'),
  speech: { onOff: SWITCHED_ON_OFF },
  intentActions: {
    HassFanSetSpeed: {
      command: (intent) => ({ command: 'set_percentage', params: { percentage: Number(intent.slots.percentage) } }),
      done: (intent) => `Set to ${intent.slots.percentage} percent:`,
    },
  },
  intents: { HassFanSetSpeed: fanSetSpeed },
  moreCues: { HassTurnOn: ['start'], HassTurnOff: ['stop'] },
  moreSentences: fanSentences,
  haDiscovery: fanDiscovery,
  simulator: () => import('./simulator.js'),
  words: { type: ['fan', 'fans'], alsoInTitles: true },
});
