/** Robot vacuums: start, stop, back to the dock. */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { genericCommands } from '../shared/generic-commands.js';
import { vacuumReturnToBase, vacuumStart } from './intents.js';

export default defineDeviceType({
  summary: 'Robot vacuums: start, stop, dock',
  capabilities: [
    {
      kind: 'actions',
      buttons: [
        { command: 'start', label: 'Start' },
        { command: 'return_to_base', label: 'Dock' },
      ],
    },
    { kind: 'reading', feature: 'battery', property: 'battery_level', label: 'Battery', unit: '%' },
  ],
  commands: genericCommands('start', 'stop', 'return_to_base'),
  speech: {
    onOff: { on: { command: 'start' }, off: { command: 'return_to_base' }, doneOn: 'Turned on', doneOff: 'Turned off' },
  },
  intentActions: {
    HassVacuumStart: { command: () => ({ command: 'start' }), done: () => 'Started' },
    HassVacuumReturnToBase: { command: () => ({ command: 'return_to_base' }), done: () => 'Sent home' },
  },
  intents: { HassVacuumStart: vacuumStart, HassVacuumReturnToBase: vacuumReturnToBase },
  simulator: () => import('./simulator.js'),
  words: {
    type: ['vacuum', 'vacuums', 'robot', 'hoover', 'roomba', 'robot vacuum', 'vacuum cleaner'],
    alsoInTitles: true,
  },
});
