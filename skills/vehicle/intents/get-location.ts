/** VehicleGetLocation: Where the car is. */
import { defineIntent } from '../../../hub/sdk/index.js';

const vehicle = { domain: 'vehicle' };
export const vehicleGetLocation = defineIntent({
  targets: { domains: ['vehicle'], areaFromContext: false },
  slots: { name: { list: 'vehicle' }, domain: { fixed: ['vehicle'] } },
  sentences: [
    {
      sentences: [
        'where is <car>',
        'where did (i|we|you) (park|leave) <car>',
        'where did (i|we) park',
        '(find|locate|track) <car>',
        'where is <car> parked',
        'what is the location of <car>',
        'is <car> (at home|home)',
      ],
      slots: vehicle,
      priority: 2,
    },
  ],
});
