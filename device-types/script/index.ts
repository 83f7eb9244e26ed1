/** Scripts: run (there is no "off"). */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { genericCommands } from '../shared/generic-commands.js';

export default defineDeviceType({
  summary: 'Scripts: run',
  capabilities: [],
  commands: genericCommands('run'),
  speech: { onOff: { on: { command: 'run' }, doneOn: 'Activated', doneOff: 'Activated' } },
  moreCues: { HassTurnOn: ['start', 'run'] },
});
