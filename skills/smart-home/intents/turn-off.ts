/** HassTurnOff: Switches a device off; closes a cover, unlocks a lock. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const turnOff = defineIntent({
  targets: { domains: [], areaFromContext: true },
  slots: { ...TARGET_SLOTS },
  cues: {
    actions: [
      'turn off',
      'switch off',
      'shut off',
      'power off',
      'power down',
      'flip off',
      'flick off',
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
      { words: 'out', weight: 0.5, domains: ['light'] },
      { words: 'close', domains: ['cover', 'valve'] },
      { words: 'shut', domains: ['cover', 'valve'] },
      { words: 'lower', domains: ['cover'] },
      { words: 'roll down', domains: ['cover'] },
      { words: 'pull down', domains: ['cover'] },
      { words: 'draw', domains: ['cover'] },
      { words: 'retract', domains: ['cover'] },
      { words: 'down', weight: 0.5, domains: ['cover'] },
      { words: 'unlock', domains: ['lock'] },
      { words: 'unbolt', domains: ['lock'] },
      { words: 'stop', domains: ['appliance', 'fan', 'switch', 'climate'] },
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
