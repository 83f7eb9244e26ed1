/** VehicleStopEngine: Stops the engine. */
import { vehicleIntent } from './vehicle-intent.js';

export const vehicleStopEngine = vehicleIntent([
  '(stop|turn off|shut off|shut down|switch off) <car>',
  '(stop|turn off|shut off|kill) [the] engine [of|on|in] [<car>]',
  '<car> stop',
]);
