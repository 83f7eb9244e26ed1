/** VehicleLock: Locks the car. */
import { defineIntent } from '../../../hub/sdk/index.js';

const vehicle = { domain: 'vehicle' };
export const vehicleLock = defineIntent({
  targets: { domains: ['vehicle'], areaFromContext: false },
  slots: { name: { list: 'vehicle' }, domain: { fixed: ['vehicle'] } },
  sentences: [
    {
      sentences: [
        'lock <car>',
        'lock up <car>',
        'make sure <car> is locked',
        'secure <car>',
        '<car> lock',
        'lock the doors (of|on) <car>',
      ],
      slots: vehicle,
      priority: 2,
    },
  ],
});
