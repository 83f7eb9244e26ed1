/** Sensors: readings only (temperature, humidity, a value with its unit); nothing to command. */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { sensorDiscovery } from './ha-discovery.js';

export default defineDeviceType({
  summary: 'Sensors: readings',
  capabilities: [
    { kind: 'reading', property: 'temperature', label: 'Temperature', unit: '°C', summary: { text: '{}°C' } },
    { kind: 'reading', property: 'humidity', label: 'Humidity', unit: '%' },
    { kind: 'reading', property: 'value', label: 'Value' },
  ],
  commands: {},
  haDiscovery: sensorDiscovery,
  simulator: () => import('./simulator.js'),
  words: {
    type: [],
    // What a sensor measures, to ask about the one in a place ("how humid is the bathroom"); "the air in the
    // office", not "air" alone ("air in the tyres" is no room's air).
    classes: { humidity: ['humidity', 'humid', 'damp'], aqi: ['air quality', 'the air in', 'the air like in'] },
    alsoInTitles: true,
  },
});
