/** Covers (blinds, garage doors, gates, shutters): open, close, stop, position 0–100 (100 = open). */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { coverCommandSchemas, coverStateSchema } from './protocol.js';
import { setPosition } from '../shared/set-position.js';
import { coverDiscovery } from './ha-discovery.js';
import { coverSetPosition } from './intents.js';
import { coverSentences } from './sentences.js';

export default defineDeviceType({
  summary: 'Covers: open, close, stop, position',
  capabilities: [
    {
      kind: 'actions',
      buttons: [
        { command: 'open', label: 'Open' },
        { command: 'close', label: 'Close' },
      ],
    },
    { kind: 'position', feature: 'position', property: 'position', command: 'set_position', param: 'position' },
  ],
  commands: coverCommandSchemas,
  nativeDriver: true,
  state: coverStateSchema,
  speech: { onOff: { on: { command: 'open' }, off: { command: 'close' }, doneOn: 'Opened', doneOff: 'Closed' } },
  intentActions: { HassSetPosition: setPosition },
  intents: { HassSetPosition: coverSetPosition },
  // Without an awning in the house, "open the living room awning" is not heard (it would steal "blinds").
  grammar: { values: { cover_class: (device) => device.deviceClass } },
  moreSentences: coverSentences,
  haDiscovery: coverDiscovery,
  simulator: () => import('./simulator.js'),
});
