/** Scenes: activate (there is no "off"). */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { genericCommands } from '../shared/generic-commands.js';

export default defineDeviceType({
  summary: 'Scenes: activate',
  capabilities: [{ kind: 'actions', buttons: [{ command: 'activate', label: 'Activate' }] }],
  commands: genericCommands('activate'),
  speech: { onOff: { on: { command: 'activate' }, doneOn: 'Activated', doneOff: 'Activated' } },
  moreCues: { HassTurnOn: ['start', 'run'] },
});
