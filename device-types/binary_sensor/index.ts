/** Binary sensors (motion, leak, door contact): on/off readings only. */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { binarySensorDiscovery } from './ha-discovery.js';

export default defineDeviceType({
  summary: 'Binary sensors: on/off readings',
  capabilities: [{ kind: 'reading', property: 'on', label: 'Detected' }],
  commands: {},
  haDiscovery: binarySensorDiscovery,
  simulator: () => import('./simulator.js'),
  words: {
    type: [],
    classes: { motion: ['motion', 'movement'], smoke: ['smoke'], moisture: ['leak', 'leaks', 'water leak'] },
    alsoInTitles: true,
  },
});
