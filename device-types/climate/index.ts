/** Thermostats and HVAC: a target temperature in °C, HVAC modes, the measured temperature. */
import { CLIMATE_SETPOINT_C, defineDeviceType, SWITCHED_ON_OFF } from '../../hub/sdk/index.js';
import { climateCommandSchemas, HVAC_MODES } from '../../device-drivers/climate/protocol.js';
import { setTemperature } from '../shared/set-temperature.js';

export const climate = defineDeviceType({
  summary: 'Thermostats: target temperature, HVAC mode',
  capabilities: [
    {
      kind: 'setpoint', property: 'target_temperature', label: 'Target', min: CLIMATE_SETPOINT_C.min, max: CLIMATE_SETPOINT_C.max,
      step: 0.5, unit: '°C', fallback: 20, command: 'set_temperature', param: 'temperature',
    },
    { kind: 'mode', feature: 'hvac_mode', property: 'hvac_mode', label: 'Mode', values: HVAC_MODES, command: 'set_hvac_mode', param: 'hvac_mode' },
    { kind: 'reading', property: 'current_temperature', label: 'Now', unit: '°C' },
  ],
  commands: climateCommandSchemas,
  speech: { onOff: SWITCHED_ON_OFF },
  intentActions: { HassClimateSetTemperature: setTemperature },
});
