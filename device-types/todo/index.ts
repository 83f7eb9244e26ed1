/** To-do lists: add and complete items. */
import { defineDeviceType, SWITCHED_ON_OFF } from '../../hub/sdk/index.js';
import { genericCommands } from '../shared/generic-commands.js';

export default defineDeviceType({
  summary: 'To-do lists: add, complete items',
  capabilities: [],
  commands: genericCommands('add_item', 'complete_item'),
  speech: { onOff: SWITCHED_ON_OFF },
});
