/** VehicleGetFuel: How much fuel the car has. */
import { vehicleIntent } from './vehicle-intent.js';

export const vehicleGetFuel = vehicleIntent([
  'how much (gas|fuel|petrol|diesel) (does|has) <car> [got|have|left]',
  'how much (gas|fuel|petrol|diesel) is (in|left in) <car>',
  'what is <car> (fuel|gas|fuel level|gas level)',
  'what is the (fuel|gas) level (of|on|in) <car>',
  'does <car> need (gas|fuel|petrol|filling up)',
  'is <car> (low on|out of) (gas|fuel|petrol)',
]);
