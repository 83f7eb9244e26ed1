/** Thermostats and HVAC: a target temperature in °C, HVAC modes, the measured temperature. */
import { CLIMATE_SETPOINT_C, defineDeviceType, SWITCHED_ON_OFF, type Device } from '../../hub/sdk/index.js';
import { climateCommandSchemas, climateStateSchema, HVAC_MODES } from './protocol.js';
import { setTemperature } from '../shared/set-temperature.js';
import { climateDiscovery } from './ha-discovery.js';
import { climateSetTemperature } from './intents.js';

export default defineDeviceType({
  summary: 'Thermostats: target temperature, HVAC mode',
  capabilities: [
    {
      kind: 'setpoint',
      property: 'target_temperature',
      label: 'Target',
      min: CLIMATE_SETPOINT_C.min,
      max: CLIMATE_SETPOINT_C.max,
      step: 0.5,
      unit: '°C',
      fallback: 20,
      command: 'set_temperature',
      param: 'temperature',
    },
    {
      kind: 'mode',
      feature: 'hvac_mode',
      property: 'hvac_mode',
      label: 'Mode',
      values: HVAC_MODES,
      command: 'set_hvac_mode',
      param: 'hvac_mode',
    },
    { kind: 'reading', property: 'current_temperature', label: 'Now', unit: '°C' },
  ],
  commands: climateCommandSchemas,
  nativeDriver: true,
  state: climateStateSchema,
  speech: { onOff: SWITCHED_ON_OFF },
  moreCues: { HassTurnOn: ['start'], HassTurnOff: ['stop'] },
  intentActions: { HassClimateSetTemperature: setTemperature },
  intents: { HassClimateSetTemperature: climateSetTemperature },
  grammar: { ranges: (device) => ({ temperature: setpointRange(device) }) },
  haDiscovery: climateDiscovery,
  simulator: () => import('./simulator.js'),
  words: {
    type: [
      'thermostat',
      'thermostats',
      'heating',
      'heater',
      'heaters',
      'heat',
      'ac',
      'a c',
      'air con',
      'aircon',
      'air conditioning',
      'air conditioner',
      'climate',
    ],
    alsoInTitles: true,
  },
});

/** Home Assistant's climate defaults when a discovery config does not give min_temp/max_temp. */
const HA_CLIMATE_DEFAULT = { C: { min: 7, max: 35 }, F: { min: 45, max: 95 } } as const;

/** A Hearth thermostat takes 5–35 °C; one announced by Home Assistant discovery what its config says. */
function setpointRange(device: Device): { from: number; to: number } {
  const config = device.driverConfig ?? {};
  if (device.driver !== 'ha-discovery') return { from: CLIMATE_SETPOINT_C.min, to: CLIMATE_SETPOINT_C.max };
  const defaults = config.temperature_unit === 'F' ? HA_CLIMATE_DEFAULT.F : HA_CLIMATE_DEFAULT.C;
  const min = typeof config.min_temp === 'number' ? config.min_temp : defaults.min;
  const max = typeof config.max_temp === 'number' ? config.max_temp : defaults.max;
  return { from: Math.floor(min), to: Math.ceil(max) };
}
