/** VehicleGetLocation: Where the car is. */
import { vehicleIntent } from './vehicle-intent.js';

export const vehicleGetLocation = vehicleIntent([
  'where is <car>',
  'where did (i|we|you) (park|leave) <car>',
  'where did (i|we) park',
  '(find|locate|track) <car>',
  'where is <car> parked',
  'what is the location of <car>',
  'is <car> (at home|home)',
]);
