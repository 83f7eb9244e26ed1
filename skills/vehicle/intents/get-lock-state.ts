/** VehicleGetLockState: Is the car locked? */
import { vehicleIntent } from './vehicle-intent.js';

export const vehicleGetLockState = vehicleIntent([
  'is <car> locked',
  'did i lock <car>',
  'did i leave <car> unlocked',
  'is <car> unlocked',
  'are the doors (of|on) <car> locked',
  '(check|is) <car> (lock|locks|secure)',
]);
