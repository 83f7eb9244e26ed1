/** HearthSetAlarm: an alarm at a time of day ("wake me up at seven am"). */
import { defineIntent } from '../../../hub/sdk/index.js';

export const setAlarm = defineIntent({
  targets: 'none',
  slots: { hour: { range: { from: 0, to: 23 } }, period: { values: ['am', 'pm', 'in the morning', 'in the evening'] } },
  sentences: ['(set|create) [an] alarm (for|at) {hour} [o clock|oclock] [{period}]', 'wake me [up] at {hour} [o clock|oclock] [{period}]'],
});
