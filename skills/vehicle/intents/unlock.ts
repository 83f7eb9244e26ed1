/** VehicleUnlock: Unlocks the car (asks first). */
import { vehicleIntent } from './vehicle-intent.js';

export const vehicleUnlock = vehicleIntent([
  'unlock <car>',
  'open up <car>',
  '<car> unlock',
  'unlock the doors (of|on) <car>',
  'let me into <car>',
]);
