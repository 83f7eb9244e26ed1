/** Humidifiers and dehumidifiers (Home Assistant's `humidifier` domain): on/off, a target humidity, a mode. */
import { defineDeviceType, ON_OFF } from '../../hub/sdk/index.js';
import { humidifierDiscovery } from './ha-discovery.js';
import { humidifierSetpoint, humidifierMode, humidifierTurnOff, humidifierTurnOn, humidifierWords } from './intents.js';
import {
  HUMIDIFIER_MODES,
  HUMIDITY_SETPOINT,
  humidifierCommandSchemas,
  humidifierEventSchemas,
  humidifierStateSchema,
} from './protocol.js';
import { humidifierSpeech, setHumidity, setMode } from './speech.js';

export default defineDeviceType({
  summary: 'Humidifiers and dehumidifiers: on/off, target humidity, mode',
  capabilities: [
    ON_OFF,
    {
      kind: 'setpoint',
      property: 'target_humidity',
      label: 'Humidity',
      min: HUMIDITY_SETPOINT.min,
      max: HUMIDITY_SETPOINT.max,
      step: 5,
      unit: '%',
      fallback: 50,
      command: 'set_humidity',
      param: 'humidity',
    },
    {
      kind: 'mode',
      feature: 'modes',
      property: 'mode',
      label: 'Mode',
      values: HUMIDIFIER_MODES,
      valuesFrom: 'available_modes',
      command: 'set_mode',
      param: 'mode',
    },
    { kind: 'reading', property: 'current_humidity', label: 'Air', unit: '%' },
  ],
  commands: humidifierCommandSchemas,
  nativeDriver: true,
  state: humidifierStateSchema,
  events: humidifierEventSchemas,
  speech: humidifierSpeech,
  intentActions: { HassHumidifierSetpoint: setHumidity, HassHumidifierMode: setMode },
  intents: { HassHumidifierSetpoint: humidifierSetpoint, HassHumidifierMode: humidifierMode },
  moreSentences: { HassTurnOn: humidifierTurnOn, HassTurnOff: humidifierTurnOff },
  words: humidifierWords,
  haDiscovery: humidifierDiscovery,
  simulator: () => import('./simulator.js'),
});
