/** HassTurnOff: Switches a device off; closes a cover, unlocks a lock. */
import { defineIntent, TARGET_SLOTS, weighted } from '../../../hub/sdk/index.js';

export const turnOff = defineIntent({
  targets: { domains: [], areaFromContext: true },
  slots: { ...TARGET_SLOTS },
  // The words for one type's devices ("open" a cover, "unlock" a lock) are in its folder (`moreCues`).
  cues: {
    actions: [
      'turn off',
      'switch off',
      'shut off',
      'power off',
      'power down',
      'flip off',
      'flick off',
      ...weighted(1.25, 'turn back off', 'switch back off'),
      'knock off',
      'go off',
      'pop off',
      // "toggle it off" says which way: above HassToggle's 'toggle'.
      { words: 'toggle off', weight: 1.25 },
      'shut down',
      'deactivate',
      'disable',
      'kill',
      ...weighted(0.75, 'off', 'turn of', 'switch of', 'cut'),
    ],
    needsTarget: true,
  },
  sentences: [
    '<turn_off> <name> [<where>]',
    '<turn> <name> off [<where>]',
    '<name> [<where>] off',
    '[<the>] <place> {name} off',
    '(deactivate|disable|stop) <name> [<where>]',
    '(i want|i would like) [<the>] {name} off',
  ],
});
