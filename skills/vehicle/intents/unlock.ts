/** VehicleUnlock: Unlocks the car (asks first). */
import { defineIntent } from '../../../hub/sdk/index.js';

const vehicle = { domain: 'vehicle' };
export const vehicleUnlock = defineIntent({
  targets: { domains: ['vehicle'], areaFromContext: false },
  slots: { name: { list: 'vehicle' }, domain: { fixed: ['vehicle'] } },
  sentences: [
    {
      sentences: [
        'unlock <car>',
        'open up <car>',
        '<car> unlock',
        'unlock the doors (of|on) <car>',
        'let me into <car>',
      ],
      slots: vehicle,
      priority: 2,
    },
  ],
});
