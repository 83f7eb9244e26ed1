/** Cars: lock/unlock, cabin climate with a temperature, engine start/stop, battery or fuel, doors, location. */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { vehicleCommandSchemas, vehicleStateSchema } from './protocol.js';
import { setTemperature } from '../shared/set-temperature.js';

export default defineDeviceType({
  summary: 'Cars: lock, cabin climate, engine',
  capabilities: [
    { kind: 'lock', property: 'locked', lock: 'lock', unlock: 'unlock' },
    { kind: 'reading', feature: 'battery', property: 'battery_percent', label: 'Battery', unit: '%' },
    { kind: 'reading', feature: 'fuel', property: 'fuel_percent', label: 'Fuel', unit: '%' },
  ],
  commands: vehicleCommandSchemas,
  nativeDriver: true,
  state: vehicleStateSchema,
  speech: { onOff: { on: { command: 'lock' }, off: { command: 'unlock' }, doneOn: 'Locked', doneOff: 'Unlocked' } },
  sensitive: { commands: { unlock: 'unlockVehicles' } },
  intentActions: { HassClimateSetTemperature: setTemperature },
  simulator: () => import('./simulator.js'),
  lexicon: { rules: { car: '[the|my|our] (car|vehicle|truck|van|ride|{vehicle:name})' } },
});
