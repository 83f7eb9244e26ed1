/** VehicleStopEngine: Stops the engine. */
import { defineIntent } from '../../../hub/sdk/index.js';

const vehicle = { domain: 'vehicle' };
export const vehicleStopEngine = defineIntent({
  targets: { domains: ['vehicle'], areaFromContext: false },
  slots: { name: { list: 'vehicle' }, domain: { fixed: ['vehicle'] } },
  sentences: [
    {
      sentences: [
        '(stop|turn off|shut off|shut down|switch off) <car>',
        '(stop|turn off|shut off|kill) [the] engine [of|on|in] [<car>]',
        '<car> stop',
      ],
      slots: vehicle,
      priority: 2,
    },
  ],
});
