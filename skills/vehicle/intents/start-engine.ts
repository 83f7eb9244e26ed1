/** VehicleStartEngine: Starts the engine. */
import { defineIntent } from '../../../hub/sdk/index.js';

const vehicle = { domain: 'vehicle' };
export const vehicleStartEngine = defineIntent({
  targets: { domains: ['vehicle'], areaFromContext: false },
  slots: { name: { list: 'vehicle' }, domain: { fixed: ['vehicle'] } },
  sentences: [
    {
      sentences: [
        '(start|remote start|fire up) <car>',
        '(start|turn on) [the] engine [of|on|in] [<car>]',
        '<car> start',
        'start [up] the engine',
      ],
      slots: vehicle,
      priority: 2,
    },
  ],
});
