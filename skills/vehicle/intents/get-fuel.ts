/** VehicleGetFuel: How much fuel the car has. */
import { defineIntent } from '../../../hub/sdk/index.js';

const vehicle = { domain: 'vehicle' };
export const vehicleGetFuel = defineIntent({
  targets: { domains: ['vehicle'], areaFromContext: false },
  slots: { name: { list: 'vehicle' }, domain: { fixed: ['vehicle'] } },
  sentences: [
    {
      sentences: [
        'how much (gas|fuel|petrol|diesel) (does|has) <car> [got|have|left]',
        'how much (gas|fuel|petrol|diesel) is (in|left in) <car>',
        'what is <car> (fuel|gas|fuel level|gas level)',
        'what is the (fuel|gas) level (of|on|in) <car>',
        'does <car> need (gas|fuel|petrol|filling up)',
        'is <car> (low on|out of) (gas|fuel|petrol)',
      ],
      slots: vehicle,
      priority: 2,
    },
  ],
});
