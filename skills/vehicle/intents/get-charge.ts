/** VehicleGetCharge: How much charge the car has. */
import { defineIntent } from '../../../hub/sdk/index.js';

const vehicle = { domain: 'vehicle' };
export const vehicleGetCharge = defineIntent({
  targets: { domains: ['vehicle'], areaFromContext: false },
  slots: { name: { list: 'vehicle' }, domain: { fixed: ['vehicle'] } },
  sentences: [
    {
      sentences: [
        'how much (charge|battery|range) (does|has) <car> [got|have|left]',
        'what is <car> (charge|battery|battery level|charge level|range|state of charge)',
        'what is the (charge|battery|battery level|charge level|range) (of|on|in) <car>',
        'is <car> (charged|fully charged|charging)',
        'how charged is <car>',
        '<car> (battery|charge)',
      ],
      slots: vehicle,
      priority: 2,
    },
  ],
});
