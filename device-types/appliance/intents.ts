/** HearthAppliancePause / HearthApplianceResume: holds a running washer, dryer or dishwasher programme, and goes on. */
import { defineIntent, TARGET_SLOTS } from '../../hub/sdk/index.js';

const slots = { name: TARGET_SLOTS.name, area: TARGET_SLOTS.area };
export const appliancePause = defineIntent({
  targets: { domains: ['appliance'], areaFromContext: false },
  slots,
  cues: { actions: ['pause', { words: 'hold', weight: 0.75 }, { words: 'wait', weight: 0.5 }], needsTarget: true },
  sentences: [
    { sentences: ['pause <name>'], priority: 1 },
    {
      spoken: false,
      sentences: [
        '(pause|hold) <name> [<in_area>]',
        'put <name> on (hold|pause)',
        'pause the (washing|wash|cycle|programme|program) [on <name>]',
      ],
      priority: 1,
    },
  ],
});

export const applianceResume = defineIntent({
  targets: { domains: ['appliance'], areaFromContext: false },
  slots,
  cues: { actions: ['resume', 'unpause', 'continue', 'carry on'], needsTarget: true },
  sentences: [
    { sentences: ['resume <name>'], priority: 1 },
    {
      spoken: false,
      sentences: [
        '(resume|unpause|continue|restart) <name> [<in_area>]',
        'let <name> (carry on|continue|finish)',
        '(take|get) <name> off (hold|pause)',
      ],
      priority: 1,
    },
  ],
});
