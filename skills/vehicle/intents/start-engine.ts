/** VehicleStartEngine: Starts the engine. */
import { vehicleIntent } from './vehicle-intent.js';

export const vehicleStartEngine = vehicleIntent([
  '(start|remote start|fire up) <car>',
  '(start|turn on) [the] engine [of|on|in] [<car>]',
  '<car> start',
  'start [up] the engine',
]);
