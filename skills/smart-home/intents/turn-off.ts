/** HassTurnOff: Switches a device off; closes a cover, unlocks a lock. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

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
      { words: 'turn back off', weight: 1.25 },
      { words: 'switch back off', weight: 1.25 },
      'knock off',
      'go off',
      'pop off',
      // "toggle it off" says which way: above HassToggle's 'toggle'.
      { words: 'toggle off', weight: 1.25 },
      'shut down',
      'deactivate',
      'disable',
      'kill',
      { words: 'off', weight: 0.75 },
      { words: 'turn of', weight: 0.75 },
      { words: 'switch of', weight: 0.75 },
      { words: 'cut', weight: 0.75 },
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
