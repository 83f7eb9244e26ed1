/** Buttons: press. ("turn on the doorbell button" presses it; the skill says "Turned on", as it always has.) */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { genericCommands } from '../shared/generic-commands.js';
import { buttonDiscovery } from './ha-discovery.js';

export default defineDeviceType({
  summary: 'Buttons: press',
  capabilities: [{ kind: 'actions', buttons: [{ command: 'press', label: 'Press' }] }],
  commands: genericCommands('press'),
  speech: { onOff: { on: { command: 'press' }, doneOn: 'Turned on', doneOff: 'Turned off' } },
  haDiscovery: buttonDiscovery,
  simulator: () => import('./simulator.js'),
});
