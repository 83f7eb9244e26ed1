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
});
