/** VehicleLock: Locks the car. */
import { vehicleIntent } from './vehicle-intent.js';

export const vehicleLock = vehicleIntent([
  'lock <car>',
  'lock up <car>',
  'make sure <car> is locked',
  'secure <car>',
  '<car> lock',
  'lock the doors (of|on) <car>',
]);
