/** VehicleGetLockState: Is the car locked? */
import { defineIntent } from '../../../hub/sdk/index.js';

const vehicle = { domain: 'vehicle' };
export const vehicleGetLockState = defineIntent({
  targets: { domains: ['vehicle'], areaFromContext: false },
  slots: { name: { list: 'vehicle' }, domain: { fixed: ['vehicle'] } },
  sentences: [
    {
      sentences: [
        'is <car> locked',
        'did i lock <car>',
        'did i leave <car> unlocked',
        'is <car> unlocked',
        'are the doors (of|on) <car> locked',
        '(check|is) <car> (lock|locks|secure)',
      ],
      slots: vehicle,
      priority: 2,
    },
  ],
});
