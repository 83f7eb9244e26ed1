/** Switches and plugs: on/off; a plug (device_class `outlet`) may report its power draw. */
import { defineDeviceType, ON_OFF, SWITCHED_ON_OFF } from '../../hub/sdk/index.js';
import { switchCommandSchemas, switchStateSchema } from './protocol.js';
import { switchDiscovery } from './ha-discovery.js';
import { switchSentences } from './sentences.js';

export default defineDeviceType({
  summary: 'Switches and plugs: on/off, power draw',
  capabilities: [ON_OFF, { kind: 'reading', feature: 'power', property: 'power_w', label: 'Power', unit: 'W' }],
  commands: switchCommandSchemas,
  nativeDriver: true,
  state: switchStateSchema,
  speech: { onOff: SWITCHED_ON_OFF },
  moreCues: { HassTurnOn: ['start'], HassTurnOff: ['stop'] },
  moreSentences: switchSentences,
  haDiscovery: switchDiscovery,
  simulator: () => import('./simulator.js'),
  words: {
    type: [
      'switch',
      'switches',
      'plug',
      'plugs',
      'socket',
      'sockets',
      'outlet',
      'outlets',
      'smart plug',
      'smart plugs',
    ],
    alsoInTitles: true,
  },
});
