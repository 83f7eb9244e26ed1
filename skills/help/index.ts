/** "What can you do?", and the assistant's own voice ("mute yourself"). */
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
  handle(intent) {
    // The voice side speaks every reply; muting it (per room, until unmuted) is not built yet: say so plainly.
    if (intent.name === 'HearthAssistantMute')
      return {
        reply: 'I can\'t mute my own voice yet. Say "stop" to cut a reply short, or turn this speaker\'s volume down.',
      };
    if (intent.name === 'HearthAssistantUnmute') return { reply: "My voice isn't muted: I answer out loud." };
    return {
      reply: `I control your devices, run timers and alarms, keep your shopping list, play music and look after the car. Try saying: ${EXAMPLES.map((e) => `"${e}"`).join(', ')}.`,
    };
  },
});
