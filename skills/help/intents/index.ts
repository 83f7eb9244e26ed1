/** The help skill's intents: what the hub can do, and its own voice. */
import { assistantMute, assistantUnmute } from './assistant-voice.js';
import { help } from './help.js';

export const helpIntents = {
  HearthHelp: help,
  HearthAssistantMute: assistantMute,
  HearthAssistantUnmute: assistantUnmute,
};
