/** Door locks: lock, unlock (with a spoken yes or PIN first, device-types/sensitive-commands.ts). */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { lockCommandSchemas, lockStateSchema } from './protocol.js';
import { lockDiscovery } from './ha-discovery.js';
import { lockSentences } from './sentences.js';

export default defineDeviceType({
  summary: 'Locks: lock, unlock',
  capabilities: [
    { kind: 'lock', property: 'locked', lock: 'lock', unlock: 'unlock' },
    { kind: 'reading', feature: 'battery', property: 'battery_percent', label: 'Battery', unit: '%' },
  ],
  commands: lockCommandSchemas,
  nativeDriver: true,
  state: lockStateSchema,
  speech: { onOff: { on: { command: 'lock' }, off: { command: 'unlock' }, doneOn: 'Locked', doneOff: 'Unlocked' } },
  sensitive: { commands: { unlock: 'unlockLocks' } },
  // Locked, the state wanted, said without a verb ("front door locked please", "the locks all locked"); never unlocked
  // so: "the back door's unlocked" is a remark, and letting someone in needs the verb said.
  moreCues: {
    HassTurnOn: ['lock', 'lock up', 'secure', 'bolt', { words: 'locked', weight: 0.75 }],
    HassTurnOff: ['unlock', 'unbolt'],
  },
  moreSentences: lockSentences,
  haDiscovery: lockDiscovery,
  simulator: () => import('./simulator.js'),
  words: { type: ['lock', 'locks', 'door lock', 'door locks', 'deadbolt', 'deadbolts'], alsoInTitles: true },
});
