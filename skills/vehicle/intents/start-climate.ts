/** VehicleStartClimate: Warms or cools the car. */
import { vehicleIntent } from './vehicle-intent.js';

export const vehicleStartClimate = vehicleIntent(
  [
    '(warm|heat|cool) up <car> [to {temperature} <degrees>]',
    '(precondition|pre heat|preheat|pre cool|precool) <car> [to {temperature} <degrees>]',
    '(turn on|start) [the] (heater|heating|ac|a c|air conditioning|climate|climate control) (in|of|on) <car> [to {temperature} <degrees>]',
    '(turn on|start) <car> (heater|heating|ac|a c|air conditioning|climate|climate control) [to {temperature} <degrees>]',
    '(set|make) <car> [to] {temperature} <degrees>',
    'get <car> (warm|cool|ready)',
  ],
  { temperature: { list: 'temperature' } },
);
