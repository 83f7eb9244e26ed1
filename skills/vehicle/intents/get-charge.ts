/** VehicleGetCharge: How much charge the car has. */
import { vehicleIntent } from './vehicle-intent.js';

export const vehicleGetCharge = vehicleIntent([
  'how much (charge|battery|range) (does|has) <car> [got|have|left]',
  'what is <car> (charge|battery|battery level|charge level|range|state of charge)',
  'what is the (charge|battery|battery level|charge level|range) (of|on|in) <car>',
  'is <car> (charged|fully charged|charging)',
  'how charged is <car>',
  '<car> (battery|charge)',
]);
