/** "What can you do?" */
import { defineSkill } from '../../hub/sdk/index.js';
import { helpIntents } from './intents/index.js';

const EXAMPLES = [
  'turn the kitchen light on',
  'set a timer for ten minutes',
  'add milk to the shopping list',
  'play jazz in the living room',
  'is the car locked',
];

export default defineSkill({
  id: 'help',
  version: '1.0.0',
  description: 'Explains what the hub can do.',
  permissions: [],
  intents: helpIntents,
  handle() {
    return {
      reply: `I control your devices, run timers and alarms, keep your shopping list, play music and look after the car. Try saying: ${EXAMPLES.map((e) => `"${e}"`).join(', ')}.`,
    };
  },
});
